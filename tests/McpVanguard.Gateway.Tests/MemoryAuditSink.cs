using System.Collections.Concurrent;
using McpVanguard.Audit;

namespace McpVanguard.Gateway.Tests;

/// <summary>Keeps audit records in memory so that tests can assert what was decided.</summary>
internal sealed class MemoryAuditSink : IAuditSink
{
    public ConcurrentQueue<AuditRecord> Records { get; } = new();

    public void Write(AuditRecord record) => Records.Enqueue(record);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
