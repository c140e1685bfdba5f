namespace McpVanguard.Audit;

/// <summary>Discards records; for replay and benchmarks, where decisions are reported another way.</summary>
public sealed class NullAuditSink : IAuditSink
{
    public static NullAuditSink Instance { get; } = new();

    public void Write(AuditRecord record)
    {
    }

    /// <summary>Nothing is written, so no record is worth building.</summary>
    public bool Admit(AuditDecision decision) => false;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
