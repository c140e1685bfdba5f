namespace McpVanguard.Audit;

/// <summary>Where every decision goes. Writing never blocks the relay and never throws.</summary>
public interface IAuditSink : IAsyncDisposable
{
    void Write(AuditRecord record);
}
