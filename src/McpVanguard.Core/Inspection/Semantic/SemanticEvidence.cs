using System.Text.Json.Serialization;

namespace McpVanguard.Inspection.Semantic;

/// <summary>
/// Why L2 decided what it did, as audited and replayed (<c>semantic</c> in the audit record and <c>replay --json</c>):
/// never the scored text, only the provider's verdict about it.
/// </summary>
/// <param name="Provider">The scorer kind (<c>custom</c>, <c>openai</c>, <c>ollama</c>, <c>embedded</c>).</param>
/// <param name="Model">The model that scored.</param>
/// <param name="Outcome"><c>scored</c>, <c>cached</c>, <c>timeout</c>, <c>error</c>, <c>circuit-open</c>, <c>load-timeout</c> or <c>load-failed</c>.</param>
/// <param name="Score">The score, when there is one.</param>
/// <param name="Threshold">The threshold it was compared with.</param>
/// <param name="LatencyMs">Time this message waited for L2.</param>
/// <param name="Category">The scorer's category (for example <c>exfiltration</c>), when there is one.</param>
/// <param name="Reason">The scorer's one-line reason, or what went wrong; bounded and escaped.</param>
public sealed record SemanticEvidence(
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("score")] double? Score,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("latency_ms")] double LatencyMs,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("reason")] string? Reason);
