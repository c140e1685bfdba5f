using McpVanguard.Relay;

namespace McpVanguard.Benchmarks;

/// <summary>An in-memory sink that keeps nothing: unlike <c>CollectingSink</c> it does not copy, so only the relay's own allocations show.</summary>
public sealed class DiscardingSink : IMessageSink
{
    public long Messages { get; private set; }

    public long Bytes { get; private set; }

    public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken)
    {
        Messages++;
        Bytes += message.Json.Length;
        return ValueTask.CompletedTask;
    }
}
