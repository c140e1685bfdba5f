using McpVanguard.Relay;
using McpVanguard.Transports;
using McpVanguard.Transports.Stdio;

namespace McpVanguard.Gateway.Upstreams;

/// <summary>A session's own stdio server child: the same <see cref="StdioUpstream"/> and framing as <c>vanguard start</c>.</summary>
internal sealed class StdioConnection(StdioUpstream process, TimeSpan shutdownGrace, int maxMessageBytes) : IMcpTransport
{
    private readonly StreamMessageWriter _input = new(process.Input);
    private int _disposed;

    public int ProcessId => process.ProcessId;

    public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken) => _input.SendAsync(message, cancellationToken);

    public IAsyncEnumerable<Frame> ReadAsync(CancellationToken cancellationToken) => LineFramer.ReadAsync(process.Output, maxMessageBytes, cancellationToken);

    /// <summary>Closes the server's stdin (the MCP way to ask it to stop), waits the grace period, then kills its whole tree.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _input.DisposeAsync().ConfigureAwait(false);
        process.CloseInput();
        if (shutdownGrace > TimeSpan.Zero)
        {
            await process.WaitForExitAsync(shutdownGrace).ConfigureAwait(false);
        }

        // Kills the tree and the process group, waits for the exit and releases the pipes.
        await process.DisposeAsync().ConfigureAwait(false);
    }
}
