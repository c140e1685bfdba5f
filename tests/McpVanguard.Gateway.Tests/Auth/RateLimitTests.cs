using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.RateLimiting;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>
/// <c>auth.rate_limit</c> and the failed-authentication limit at the real gateway. Buckets refill at most once a minute
/// (or every 6 s for failures) and each test sends its requests back to back, so no assertion depends on timing.
/// </summary>
public sealed class RateLimitTests
{
    private const string CiKey = "ci-key-0123456789abcdef";
    private const string OpsKey = "ops-key-0123456789abcdef";

    private static readonly Dictionary<string, string> Keys = new() { ["CI"] = CiKey, ["OPS"] = OpsKey };

    private static Task<GatewayHarness> StartAsync(string rateLimit)
        => GatewayHarness.StartFromConfigAsync($$"""
            auth:
              api_keys: [{name: ci, key_env: CI}, {name: ops, key_env: OPS}]
            {{rateLimit}}
            """, GatewayCalls.FileTools, Keys);

    [Fact]
    public async Task Past_its_burst_a_principal_gets_429_with_retry_after_while_others_are_served()
    {
        await using var gateway = await StartAsync("  rate_limit: {requests_per_minute: 1, burst: 2}");
        using var http = gateway.NewHttpClient();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await GatewayCalls.PingAsync(http, ("X-API-Key", CiKey));
            await GatewayCalls.AssertReachedTheEndpointAsync(ok);
        }

        using var limited = await GatewayCalls.PingAsync(http, ("X-API-Key", CiKey));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        var body = await limited.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("rate_limited", body.GetProperty("error").GetString());

        using var other = await GatewayCalls.PingAsync(http, ("X-API-Key", OpsKey));
        await GatewayCalls.AssertReachedTheEndpointAsync(other);
    }

    [Fact]
    public async Task Thirty_rapid_requests_of_one_key_get_the_burst_and_then_429()
    {
        // The reproduction: requests_per_minute 60, burst 5; before the fix all 30 got through.
        await using var gateway = await StartAsync("  rate_limit: {requests_per_minute: 60, burst: 5}");
        using var http = gateway.NewHttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await GatewayCalls.PingAsync(http, ("X-API-Key", CiKey));
            statuses.Add(response.StatusCode);
        }

        // Five from the burst, perhaps one more refilled meanwhile (one a second), the rest refused.
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.BadRequest), 5, 10);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests }));
    }

    [Fact]
    public async Task Anonymous_requests_are_limited_by_address()
    {
        await using var gateway = await StartAsync("  rate_limit: {requests_per_minute: 1, burst: 2}");
        using var http = gateway.NewHttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await GatewayCalls.PingAsync(http);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Without_credentials_configured_the_rate_limit_counts_anonymous_callers_by_address()
    {
        await using var gateway = await GatewayHarness.StartFromConfigAsync("auth:\n  rate_limit: {requests_per_minute: 1, burst: 2}\n", GatewayCalls.FileTools);
        using var http = gateway.NewHttpClient();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await GatewayCalls.PingAsync(http);
            await GatewayCalls.AssertReachedTheEndpointAsync(ok);
        }

        using var limited = await GatewayCalls.PingAsync(http);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Sixty_wrong_key_guesses_hit_429_even_without_a_rate_limit_and_then_a_right_key_cannot_be_confirmed()
    {
        await using var gateway = await StartAsync(string.Empty);
        using var http = gateway.NewHttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            using var response = await GatewayCalls.PingAsync(http, ("X-API-Key", $"guess-{i:D4}-0123456789abcdef"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.Unauthorized), FailedAuthenticationGuard.Burst, FailedAuthenticationGuard.Burst + 2);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // Until the address's bucket refills, even the right key gets 429: a lucky guess looks like any other.
        using var right = await GatewayCalls.PingAsync(http, ("X-API-Key", CiKey));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.NotNull(right.Headers.RetryAfter?.Delta);

        // Each failure that was judged is audited with the address and the reason; the refused ones are not judged at all.
        var failures = gateway.Audit.Records.Where(r => r.RuleIds.Contains(FailedAuthenticationGuard.RuleId)).ToList();
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.Unauthorized), failures.Count);
        Assert.All(failures, r => Assert.Equal("127.0.0.1", r.Client));
        Assert.DoesNotContain(failures, r => r.Reason!.Contains("guess-", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bucket_refills_at_the_configured_rate()
    {
        var limits = new GatewayRateLimits(new McpVanguard.State.InMemorySharedState(TimeProvider.System, 16, 8), new GatewayRateLimitOptions(600, 50));
        Assert.Equal((50, TimeSpan.FromMilliseconds(100)), (limits.Burst, limits.RefillPeriod));
    }
}
