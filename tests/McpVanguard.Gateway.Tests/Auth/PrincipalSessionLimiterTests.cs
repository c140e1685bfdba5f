using McpVanguard.Gateway.RateLimiting;
using McpVanguard.State;
using Microsoft.Extensions.Time.Testing;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>The per-principal session cap over the shared state's leases (in memory here; on Redis in ScaleOut).</summary>
public sealed class PrincipalSessionLimiterTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UnixEpoch.AddDays(10_000));
    private readonly CancellationToken _token = TestContext.Current.CancellationToken;

    private PrincipalSessionLimiter Limiter(int max) => new(new InMemorySharedState(_clock, 1000, 8), max, Lease);

    [Fact]
    public async Task A_principal_gets_at_most_its_limit_and_a_released_slot_back()
    {
        var limiter = Limiter(2);
        Assert.True(await limiter.TryAcquireAsync("api-key:ci", "s1", _token));
        Assert.True(await limiter.TryAcquireAsync("api-key:ci", "s2", _token));
        Assert.False(await limiter.TryAcquireAsync("api-key:ci", "s3", _token));
        Assert.True(await limiter.TryAcquireAsync("jwt:ci", "s4", _token)); // another scheme is another principal
        await limiter.ReleaseAsync("api-key:ci", "s1", _token);
        Assert.True(await limiter.TryAcquireAsync("api-key:ci", "s3", _token));
    }

    [Fact]
    public async Task Renewing_a_held_slot_never_counts_twice()
    {
        var limiter = Limiter(1);
        Assert.True(await limiter.TryAcquireAsync("a", "s1", _token));
        Assert.True(await limiter.TryAcquireAsync("a", "s1", _token));
        Assert.False(await limiter.TryAcquireAsync("a", "s2", _token));
    }

    [Fact]
    public async Task A_slot_that_is_not_renewed_expires_so_a_dead_instance_frees_its_principals()
    {
        var limiter = Limiter(1);
        Assert.True(await limiter.TryAcquireAsync("a", "s1", _token));
        _clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.True(await limiter.TryAcquireAsync("a", "s2", _token));
    }

    [Fact]
    public async Task Releasing_more_than_was_acquired_does_not_create_credit()
    {
        var limiter = Limiter(1);
        await limiter.ReleaseAsync("a", "s1", _token);
        await limiter.ReleaseAsync("a", "s1", _token);
        Assert.True(await limiter.TryAcquireAsync("a", "s1", _token));
        Assert.False(await limiter.TryAcquireAsync("a", "s2", _token));
    }

    [Fact]
    public async Task Zero_means_no_limit()
    {
        var limiter = Limiter(0);
        foreach (var i in Enumerable.Range(0, 100))
        {
            Assert.True(await limiter.TryAcquireAsync("a", "s" + i, _token));
        }
    }
}
