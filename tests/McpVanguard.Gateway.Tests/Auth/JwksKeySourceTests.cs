using McpVanguard.Gateway.Auth;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>The JWKS cache against a real key server, with a clock the test moves by hand.</summary>
public sealed class JwksKeySourceTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private readonly SigningKey _first = SigningKey.Rsa("k1");
    private JwksTestServer _jwks = null!;
    private JwksKeySource _source = null!;

    public async ValueTask InitializeAsync()
    {
        _jwks = await JwksTestServer.StartAsync();
        _jwks.Publish(_first);
        _source = new JwksKeySource(_jwks.Url, TimeSpan.FromHours(1), TimeSpan.FromSeconds(30), NullLogger<JwksKeySource>.Instance, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        _source.Dispose();
        await _jwks.DisposeAsync();
    }

    [Fact]
    public async Task Fetches_once_and_serves_known_kids_from_the_cache()
    {
        await _source.EnsureFreshAsync("k1", TestContext.Current.CancellationToken);
        await _source.EnsureFreshAsync("k1", TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromMinutes(10));
        await _source.EnsureFreshAsync("k1", TestContext.Current.CancellationToken);
        Assert.Equal(1, _jwks.Fetches);
        Assert.Equal("k1", Assert.Single(_source.Keys).KeyId);
    }

    [Fact]
    public async Task Unknown_kids_refetch_at_most_once_per_minimum_interval()
    {
        await _source.EnsureFreshAsync("k1", TestContext.Current.CancellationToken);
        for (var i = 0; i < 20; i++)
        {
            await _source.EnsureFreshAsync("made-up-" + i, TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, _jwks.Fetches);

        _jwks.Publish(_first, SigningKey.Rsa("k2"));
        _clock.Advance(TimeSpan.FromSeconds(31));
        await _source.EnsureFreshAsync("k2", TestContext.Current.CancellationToken);
        Assert.Equal(2, _jwks.Fetches);
        Assert.Equal(["k1", "k2"], _source.Keys.Select(k => k.KeyId));
    }

    [Fact]
    public async Task A_stale_cache_is_refreshed_and_an_empty_document_does_not_wipe_the_keys()
    {
        await _source.EnsureFreshAsync(null, TestContext.Current.CancellationToken);
        _jwks.Publish();
        _clock.Advance(TimeSpan.FromHours(2));
        await _source.EnsureFreshAsync(null, TestContext.Current.CancellationToken);
        Assert.Equal(2, _jwks.Fetches);
        Assert.Equal("k1", Assert.Single(_source.Keys).KeyId);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
