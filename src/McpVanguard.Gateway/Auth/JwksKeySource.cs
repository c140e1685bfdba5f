using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace McpVanguard.Gateway.Auth;

/// <summary>
/// The signing keys of a JWKS URL, cached: fetched on first use, again when older than the refresh interval, and again
/// when a token names a <c>kid</c> the cache does not hold (key rotation), but never more often than the minimum
/// interval, so that tokens with made-up key ids cannot turn the gateway into a flood against the key server.
/// </summary>
public sealed partial class JwksKeySource : IDisposable
{
    /// <summary>A JWKS is a few kilobytes; anything far larger is refused rather than parsed.</summary>
    private const int MaxDocumentBytes = 512 * 1024;

    /// <summary>Keys kept from one document; bounds the work of trying every key against a token.</summary>
    private const int MaxKeys = 64;

    private readonly Uri _url;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeSpan _minRefreshInterval;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private volatile KeySet _keys = new([], DateTimeOffset.MinValue);
    private long _lastAttemptTicks = DateTimeOffset.MinValue.UtcTicks;

    public JwksKeySource(Uri url, TimeSpan refreshInterval, TimeSpan minRefreshInterval, ILogger<JwksKeySource> logger, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        _url = url;
        _refreshInterval = refreshInterval;
        _minRefreshInterval = minRefreshInterval;
        _logger = logger;
        _time = time ?? TimeProvider.System;

        // No redirects: a key server that sends us elsewhere is not the key server that was configured.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10), MaxResponseContentBufferSize = MaxDocumentBytes };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>The keys from the last good fetch (empty before the first one).</summary>
    public IReadOnlyList<SecurityKey> Keys => _keys.Keys;

    /// <summary>
    /// Makes sure the cache is fresh enough for a token signed with <paramref name="kid"/>: fetches when the cache is
    /// empty or stale, or when the kid is unknown and the last fetch is older than the minimum interval.
    /// </summary>
    public async Task EnsureFreshAsync(string? kid, CancellationToken cancellationToken)
    {
        if (!NeedsFetch(kid))
        {
            return;
        }

        await _fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have fetched while this one waited.
            if (NeedsFetch(kid))
            {
                await FetchAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _fetching.Release();
        }
    }

    private bool NeedsFetch(string? kid)
    {
        var now = _time.GetUtcNow();
        var keys = _keys;
        if (now.UtcTicks - Volatile.Read(ref _lastAttemptTicks) < _minRefreshInterval.Ticks)
        {
            return false;
        }

        return keys.Keys.Count == 0
            || now - keys.FetchedAt >= _refreshInterval
            || (!string.IsNullOrEmpty(kid) && !keys.Keys.Any(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal)));
    }

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lastAttemptTicks, _time.GetUtcNow().UtcTicks);
        try
        {
            using var response = await _http.GetAsync(_url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Logging.AuthLog.JwksFetchFailed(_logger, _url, $"HTTP {(int)response.StatusCode}");
                return;
            }

            var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var set = new JsonWebKeySet(json);
            var keys = set.GetSigningKeys().Take(MaxKeys).ToList();
            if (keys.Count == 0)
            {
                // Keep the old keys: an empty or unusable document is more likely a fault than a revocation of every key.
                Logging.AuthLog.JwksFetchFailed(_logger, _url, "no usable signing keys in the document");
                return;
            }

            _keys = new KeySet(keys, _time.GetUtcNow());
            Logging.AuthLog.JwksFetched(_logger, _url, keys.Count);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ArgumentException or InvalidOperationException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            // The old keys stay in use; tokens signed with a new key fail until a later fetch succeeds.
            Logging.AuthLog.JwksFetchFailed(_logger, _url, ex.GetType().Name + ": " + ex.Message);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _fetching.Dispose();
    }

    private sealed record KeySet(IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt);

}
