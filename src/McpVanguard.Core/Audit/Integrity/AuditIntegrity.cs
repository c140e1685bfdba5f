namespace McpVanguard.Audit.Integrity;

/// <summary>
/// How the audit chain is sealed (docs/TRUST.md "Tamper-evident audit"): the key that signs checkpoints (none: the hash
/// chain alone), how often a checkpoint is made (every <paramref name="CheckpointRecords"/> records or
/// <paramref name="CheckpointInterval"/> with records pending, and at shutdown), and where receipts are exported.
/// </summary>
public sealed record AuditIntegrity(AuditSigningKey? Key, int CheckpointRecords, TimeSpan CheckpointInterval, IAuditReceiptSink? Receipts = null)
{
    /// <summary>The hash chain without signed checkpoints (tests of the sink's other behaviour).</summary>
    public static AuditIntegrity ChainOnly { get; } = new(null, 1000, TimeSpan.FromSeconds(60));
}
