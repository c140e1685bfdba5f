using McpVanguard.Transports;
using McpVanguard.Transports.Http;
using McpVanguard.Transports.Stdio;

namespace McpVanguard.Gateway.Upstreams;

/// <summary>Opens a session's connection to its upstream: a stdio child (warm when a pool is configured) or a remote HTTP session.</summary>
internal sealed class UpstreamConnector : IAsyncDisposable
{
    private readonly Dictionary<string, StdioWarmPool> _pools = new(StringComparer.Ordinal);
    private readonly HttpClient _http;
    private readonly TimeSpan _shutdownGrace;
    private readonly int _maxMessageBytes;
    private readonly TimeSpan _upstreamTimeout;

    public UpstreamConnector(IReadOnlyList<UpstreamDefinition> servers, int warmPool, TimeSpan shutdownGrace, int maxMessageBytes, TimeSpan upstreamTimeout)
    {
        _shutdownGrace = shutdownGrace;
        _maxMessageBytes = maxMessageBytes;
        _upstreamTimeout = upstreamTimeout;
        // One client for every remote session: pooled connections. No timeout of its own: SSE answers and the GET stream
        // are long-lived; each POST is bounded by the gateway's upstream timeout instead.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1), UseCookies = false, AllowAutoRedirect = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        foreach (var server in servers.Where(s => s.IsStdio))
        {
            var pool = new StdioWarmPool(server, warmPool);
            _pools[server.Id] = pool;
            pool.Refill();
        }
    }

    /// <summary>Throws <see cref="UpstreamStartException"/> when a stdio server cannot be started.</summary>
    public IMcpTransport Open(UpstreamDefinition server)
        => server.IsStdio
            ? new StdioConnection(_pools[server.Id].Take(), _shutdownGrace, _maxMessageBytes)
            : new StreamableHttpClientTransport(_http, server.Url!, server.Headers, _maxMessageBytes, _upstreamTimeout);

    public async ValueTask DisposeAsync()
    {
        foreach (var pool in _pools.Values)
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }

        _http.Dispose();
    }
}
