using McpVanguard.Relay;
using McpVanguard.Transports;

namespace McpVanguard.Scanning;

/// <summary>How a scan talks to one server: messages go out through <see cref="IMessageSink.SendAsync"/>, the server's come back as frames.</summary>
public interface IScanConnection : IMessageSink, IAsyncDisposable
{
    /// <summary>Every message the server sends, until it closes the connection.</summary>
    IAsyncEnumerable<Frame> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>After <see cref="ReceiveAsync"/> ended: why the server stopped talking (for example its exit code).</summary>
    Task<string> DescribeCloseAsync();
}
