using McpVanguard.Gateway.RateLimiting;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>The per-address failure budget, looked at without spending. A refill period of an hour keeps timing out of it.</summary>
public sealed class FailureBucketsTests
{
    [Fact]
    public void An_address_has_its_burst_of_failures_and_then_a_retry_after_while_others_are_untouched()
    {
        var buckets = new FailureBuckets(3, TimeSpan.FromHours(1));
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(buckets.RetryAfter("198.51.100.7"));
            buckets.Spend("198.51.100.7");
        }

        var retryAfter = buckets.RetryAfter("198.51.100.7");
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.Null(buckets.RetryAfter("198.51.100.8"));
    }

    [Fact]
    public void Looking_does_not_spend()
    {
        var buckets = new FailureBuckets(1, TimeSpan.FromHours(1));
        for (var i = 0; i < 100; i++)
        {
            Assert.Null(buckets.RetryAfter("203.0.113.1"));
        }
    }

    [Fact]
    public void The_table_is_bounded_and_never_forgets_an_address_that_is_still_draining()
    {
        var buckets = new FailureBuckets(1, TimeSpan.FromHours(1), maxAddresses: 2);
        buckets.Spend("a");
        buckets.Spend("b");
        buckets.Spend("c"); // no room: a and b are still draining, so they stay and c is not tracked
        Assert.NotNull(buckets.RetryAfter("a"));
        Assert.NotNull(buckets.RetryAfter("b"));
        Assert.Null(buckets.RetryAfter("c"));
    }
}
