namespace McpVanguard.Relay;

/// <summary>One side of the relay that messages are written to (the agent, or the upstream server).</summary>
public interface IMessageSink
{
    /// <summary>Sends one complete JSON-RPC message; the transport adds its own framing and routes by the message's fields.</summary>
    ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken);
}
