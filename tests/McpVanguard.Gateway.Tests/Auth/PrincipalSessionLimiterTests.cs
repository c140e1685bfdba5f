using McpVanguard.Gateway.RateLimiting;

namespace McpVanguard.Gateway.Tests.Auth;

public sealed class PrincipalSessionLimiterTests
{
    [Fact]
    public void A_principal_gets_at_most_its_limit_and_a_released_slot_back()
    {
        var limiter = new PrincipalSessionLimiter(2);
        Assert.True(limiter.TryAcquire("api-key:ci"));
        Assert.True(limiter.TryAcquire("api-key:ci"));
        Assert.False(limiter.TryAcquire("api-key:ci"));
        Assert.True(limiter.TryAcquire("jwt:ci")); // another scheme is another principal
        limiter.Release("api-key:ci");
        Assert.True(limiter.TryAcquire("api-key:ci"));
        Assert.Equal(2, limiter.OpenSessions("api-key:ci"));
    }

    [Fact]
    public void The_table_forgets_idle_principals_and_is_bounded()
    {
        var limiter = new PrincipalSessionLimiter(1, maxPrincipals: 2);
        Assert.True(limiter.TryAcquire("a"));
        Assert.True(limiter.TryAcquire("b"));
        Assert.False(limiter.TryAcquire("c")); // table full
        limiter.Release("a");
        Assert.Equal(0, limiter.OpenSessions("a"));
        Assert.True(limiter.TryAcquire("c"));
    }

    [Fact]
    public void Releasing_more_than_was_acquired_does_not_create_credit()
    {
        var limiter = new PrincipalSessionLimiter(1);
        limiter.Release("a");
        limiter.Release("a");
        Assert.True(limiter.TryAcquire("a"));
        Assert.False(limiter.TryAcquire("a"));
    }

    [Fact]
    public void Zero_means_no_limit()
    {
        var limiter = new PrincipalSessionLimiter(0);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(limiter.TryAcquire("a")));
    }
}
