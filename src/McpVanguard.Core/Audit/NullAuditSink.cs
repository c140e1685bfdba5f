namespace McpVanguard.Audit;

/// <summary>Discards records; for replay and benchmarks, where decisions are reported another way.</summary>
public sealed class NullAuditSink : IAuditSink
{
    public static NullAuditSink Instance { get; } = new();

    public void Write(AuditRecord record)
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
