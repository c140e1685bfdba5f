using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace McpVanguard.Audit;

/// <summary>One audited decision, written as one JSON line. Holds a hash of the arguments, never the arguments.</summary>
public sealed record AuditRecord
{
    [JsonPropertyName("time")]
    public required DateTimeOffset Time { get; init; }

    [JsonPropertyName("session")]
    public required string Session { get; init; }

    [JsonPropertyName("server_id")]
    public required string ServerId { get; init; }

    /// <summary><c>agent_to_server</c> or <c>server_to_agent</c>.</summary>
    [JsonPropertyName("direction")]
    public required string Direction { get; init; }

    [JsonPropertyName("method")]
    public string? Method { get; init; }

    [JsonPropertyName("tool")]
    public string? Tool { get; init; }

    [JsonPropertyName("id")]
    public string? RequestId { get; init; }

    [JsonPropertyName("verdict")]
    public required string Verdict { get; init; }

    [JsonPropertyName("rule_ids")]
    public required IReadOnlyList<string> RuleIds { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>The tools a redact or block of a list withheld (dropped and quarantined), so the user is told which ones vanished.</summary>
    [JsonPropertyName("withheld")]
    public IReadOnlyList<string>? Withheld { get; init; }

    /// <summary>SHA-256 (hex) of the raw <c>params.arguments</c> (or <c>params</c>) JSON, to correlate without storing it.</summary>
    [JsonPropertyName("args_sha256")]
    public string? ArgumentsSha256 { get; init; }

    /// <summary>The client's network address, for the gateway's own decisions about a request (a failed authentication).</summary>
    [JsonPropertyName("client")]
    public string? Client { get; init; }

    /// <summary>What L2 decided about the message (provider, model, score, threshold, latency, reason), when it took part.</summary>
    [JsonPropertyName("semantic")]
    public Inspection.Semantic.SemanticEvidence? Semantic { get; init; }

    [JsonPropertyName("inspect_us")]
    public double InspectMicroseconds { get; init; }

    /// <summary>On a summary record: how many records of its kind were not written (volume cap).</summary>
    [JsonPropertyName("suppressed")]
    public int? Suppressed { get; init; }

    /// <summary>On a summary record: the verdict of the records it counts.</summary>
    [JsonPropertyName("suppressed_verdict")]
    public string? SuppressedVerdict { get; init; }

    /// <summary>The vanguard version that wrote the record (set by the sink): one log can hold several versions' records across an upgrade.</summary>
    [JsonPropertyName("vanguard")]
    public string? Version { get; init; }

    /// <summary>The verdict of a record that summarises suppressed records.</summary>
    public const string SummaryVerdict = "summary";

    /// <summary>Whether this record is a decision (anything but an allow, or a summary of such records): kept in the decisions file too.</summary>
    [JsonIgnore]
    public bool IsDecision => Verdict == SummaryVerdict ? SuppressedVerdict is not null and not "allow" : Verdict != "allow";
}

[JsonSerializable(typeof(AuditRecord))]
[JsonSerializable(typeof(IReadOnlyList<Inspection.Semantic.SemanticEvidence>))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class AuditJsonContext : JsonSerializerContext;

/// <summary>The source-generated audit serialiser, with relaxed escaping so that reasons stay readable in the log.</summary>
internal static class AuditJson
{
    public static JsonTypeInfo<AuditRecord> Record { get; } = (JsonTypeInfo<AuditRecord>)new JsonSerializerOptions
    {
        TypeInfoResolver = AuditJsonContext.Default,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    }.GetTypeInfo(typeof(AuditRecord));
}
