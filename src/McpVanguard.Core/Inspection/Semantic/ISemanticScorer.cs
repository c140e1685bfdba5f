namespace McpVanguard.Inspection.Semantic;

/// <summary>
/// Rates how likely a piece of MCP traffic is an attack (L2): an embedded model or an LLM provider. The text is untrusted
/// data; a scorer never follows instructions in it.
/// </summary>
public interface ISemanticScorer
{
    /// <summary>The provider kind as audited: <c>embedded</c>, <c>openai</c>, <c>ollama</c> or <c>custom</c>.</summary>
    string Provider { get; }

    /// <summary>The model name as audited.</summary>
    string Model { get; }

    /// <summary>The score at or above which this scorer's answers mean an attack, when <c>semantic.threshold</c> is <c>auto</c>.</summary>
    double DefaultThreshold => 0.7;

    /// <summary>
    /// Completes once the scorer can answer within <c>semantic.timeout_ms</c> (an in-process model has loaded; at once for
    /// a remote provider), or faults when it never will. Reading it may start the load.
    /// </summary>
    Task Ready => Task.CompletedTask;

    /// <summary>Scores <paramref name="request"/>; throws on a provider error, a malformed answer or cancellation.</summary>
    ValueTask<SemanticScore> ScoreAsync(SemanticRequest request, CancellationToken cancellationToken);
}
