using McpVanguard.Relay;

namespace McpVanguard.Replay;

/// <summary>An in-memory message sink standing in for a process or socket during replay.</summary>
public sealed class CollectingSink : IMessageSink
{
    public List<byte[]> Messages { get; } = [];

    public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken)
    {
        Messages.Add(message.Json.ToArray());
        return ValueTask.CompletedTask;
    }
}
