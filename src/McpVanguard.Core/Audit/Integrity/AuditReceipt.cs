using System.Text.Json.Serialization;

namespace McpVanguard.Audit.Integrity;

/// <summary>
/// What leaves the machine for an auditor: a block (decision, rule ids, argument hash, and where it sits in the chain)
/// or a signed checkpoint. A block receipt is proven by the first checkpoint at or after its <see cref="Seq"/>.
/// </summary>
public sealed record AuditReceipt
{
    /// <summary><c>block</c> or <c>checkpoint</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("time")]
    public required string Time { get; init; }

    [JsonPropertyName("log")]
    public required string Log { get; init; }

    [JsonPropertyName("seq")]
    public required long Seq { get; init; }

    /// <summary>SHA-256 (hex) of the record's line (a block) or the chain head (a checkpoint).</summary>
    [JsonPropertyName("hash")]
    public required string Hash { get; init; }

    [JsonPropertyName("server_id")]
    public string? ServerId { get; init; }

    [JsonPropertyName("verdict")]
    public string? Verdict { get; init; }

    [JsonPropertyName("rule_ids")]
    public IReadOnlyList<string>? RuleIds { get; init; }

    [JsonPropertyName("args_sha256")]
    public string? ArgumentsSha256 { get; init; }

    /// <summary>The checkpoint itself, on a checkpoint receipt.</summary>
    [JsonPropertyName("checkpoint")]
    public AuditCheckpoint? Checkpoint { get; init; }
}
