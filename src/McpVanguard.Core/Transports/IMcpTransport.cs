using McpVanguard.Relay;

namespace McpVanguard.Transports;

/// <summary>
/// One side of a relay (like the MCP SDK's <c>ITransport</c>): the frames its peer sends, and a sink for what the relay sends
/// it. Frames, not parsed messages, come out: the relay parses each exactly once, with its limits.
/// </summary>
public interface IMcpTransport : IMessageSink, IAsyncDisposable
{
    /// <summary>Every frame the peer sends, cut at the message size limit (<see cref="Frame.Oversized"/>), until it is gone.</summary>
    IAsyncEnumerable<Frame> ReadAsync(CancellationToken cancellationToken);
}
