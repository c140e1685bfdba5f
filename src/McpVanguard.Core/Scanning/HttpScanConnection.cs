using McpVanguard.Relay;
using McpVanguard.Transports;
using McpVanguard.Transports.Http;

namespace McpVanguard.Scanning;

/// <summary>A Streamable HTTP server for a scan: the same client transport as a gateway's remote upstream.</summary>
public sealed class HttpScanConnection(StreamableHttpClientTransport transport) : IScanConnection
{
    /// <summary>Connects to <paramref name="url"/> (http or https only; no redirects); each POST is bounded by <paramref name="requestTimeout"/>.</summary>
    public static HttpScanConnection Create(Uri url, int maxMessageBytes, TimeSpan requestTimeout)
        => new(StreamableHttpClientTransport.Connect(url, maxMessageBytes, requestTimeout));

    public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken) => transport.SendAsync(message, cancellationToken);

    public IAsyncEnumerable<Frame> ReadAsync(CancellationToken cancellationToken) => transport.ReadAsync(cancellationToken);

    public Task<string> DescribeCloseAsync() => Task.FromResult("the HTTP connection was closed");

    public ValueTask DisposeAsync() => transport.DisposeAsync();
}
