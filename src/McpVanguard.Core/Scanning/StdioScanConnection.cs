using McpVanguard.Transports;
using McpVanguard.Transports.Stdio;

namespace McpVanguard.Scanning;

/// <summary>A stdio server started for a scan; disposing it closes its stdin and kills its whole process tree.</summary>
public sealed class StdioScanConnection : IScanConnection
{
    private readonly StdioUpstream _upstream;
    private readonly StreamMessageWriter _writer;
    private readonly int _maxMessageBytes;

    private StdioScanConnection(StdioUpstream upstream, int maxMessageBytes)
    {
        _upstream = upstream;
        _writer = new StreamMessageWriter(upstream.Input);
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>Starts the server; throws <see cref="UpstreamStartException"/> when it cannot be started.</summary>
    public static StdioScanConnection Start(ScanTarget target, int maxMessageBytes)
        => new(StdioUpstream.Start(target.Command ?? [], target.Environment), maxMessageBytes);

    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken) => _writer.SendAsync(message, cancellationToken);

    public IAsyncEnumerable<Frame> ReceiveAsync(CancellationToken cancellationToken) => LineFramer.ReadAsync(_upstream.Output, _maxMessageBytes, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _upstream.CloseInput();
        _upstream.KillTree();
        await _upstream.DisposeAsync().ConfigureAwait(false);
    }
}
