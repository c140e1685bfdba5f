using McpVanguard.Relay;
using McpVanguard.Transports;
using McpVanguard.Transports.Stdio;

namespace McpVanguard.Scanning;

/// <summary>A stdio server started for a scan; disposing it closes its stdin and kills its whole process tree.</summary>
public sealed class StdioScanConnection : IScanConnection
{
    private readonly StdioUpstream _upstream;
    private readonly StreamMessageWriter _writer;
    private readonly int _maxMessageBytes;
    private int _disposed;

    private StdioScanConnection(StdioUpstream upstream, int maxMessageBytes)
    {
        _upstream = upstream;
        _writer = new StreamMessageWriter(upstream.Input);
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>Starts the server; throws <see cref="UpstreamStartException"/> when it cannot be started.</summary>
    public static StdioScanConnection Start(ScanTarget target, int maxMessageBytes)
        => new(StdioUpstream.Start(target.Command ?? [], target.Environment), maxMessageBytes);

    public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken) => _writer.SendAsync(message, cancellationToken);

    public IAsyncEnumerable<Frame> ReadAsync(CancellationToken cancellationToken) => LineFramer.ReadAsync(_upstream.Output, _maxMessageBytes, cancellationToken);

    public async Task<string> DescribeCloseAsync()
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            // The scan closed it (and the process object is gone): nothing the server did.
            return "the scan closed the connection";
        }

        try
        {
            // Output closes a moment before the process is reaped; a second is plenty for the exit code to be known.
            return await _upstream.WaitForExitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false)
                ? $"the server exited with code {_upstream.ExitCode}"
                : "the server closed its output";
        }
        catch (InvalidOperationException)
        {
            // Disposed by the scan in the meantime.
            return "the scan closed the connection";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
        _upstream.CloseInput();
        _upstream.KillTree();
        await _upstream.DisposeAsync().ConfigureAwait(false);
    }
}
