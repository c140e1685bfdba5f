using McpVanguard.Gateway.Upstreams.Shared;
using McpVanguard.Transports;
using McpVanguard.Transports.Http;
using McpVanguard.Transports.Stdio;
using Microsoft.Extensions.Logging;

namespace McpVanguard.Gateway.Upstreams;

/// <summary>
/// Opens a session's connection to its upstream: a stdio child of its own (warm when a pool is configured), a place on a
/// shared child (<c>share: true</c>), or a remote HTTP session.
/// </summary>
internal sealed class UpstreamConnector : IAsyncDisposable
{
    private readonly Dictionary<string, StdioWarmPool> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SharedServerPool> _shared = new(StringComparer.Ordinal);
    private readonly HttpClient _http;
    private readonly TimeSpan _shutdownGrace;
    private readonly int _maxMessageBytes;
    private readonly TimeSpan _upstreamTimeout;

    public UpstreamConnector(IReadOnlyList<UpstreamDefinition> servers, int warmPool, TimeSpan shutdownGrace, int maxMessageBytes, TimeSpan upstreamTimeout, SharedChildLimits sharedLimits, ILogger logger)
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
        foreach (var server in servers.Where(s => s.IsShared))
        {
            _shared[server.Id] = new SharedServerPool(server, sharedLimits, logger);
        }

        foreach (var server in servers.Where(s => s.IsStdio && !s.IsShared))
        {
            var pool = new StdioWarmPool(server, warmPool);
            _pools[server.Id] = pool;
            pool.Refill();
        }
    }

    /// <summary>Throws <see cref="UpstreamStartException"/> when a stdio server cannot be started.</summary>
    public IMcpTransport Open(UpstreamDefinition server)
        => server.IsShared
            ? _shared[server.Id].Attach()
            : server.IsStdio
            ? new StdioConnection(_pools[server.Id].Take(), _shutdownGrace, _maxMessageBytes)
            : new StreamableHttpClientTransport(_http, server.Url!, server.Headers, _maxMessageBytes, _upstreamTimeout);

    /// <summary>The children of a shared server (for tests and diagnostics).</summary>
    internal IReadOnlyList<SharedChild> SharedChildren(string serverId) => _shared.TryGetValue(serverId, out var pool) ? pool.Children : [];

    public async ValueTask DisposeAsync()
    {
        foreach (var pool in _shared.Values)
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var pool in _pools.Values)
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }

        _http.Dispose();
    }
}
