using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using McpVanguard.Gateway.RateLimiting;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>The per-principal token bucket: one request a minute after a burst of two, so no test depends on timing.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const string CiKey = "ci-key-0123456789abcdef";
    private const string OpsKey = "ops-key-0123456789abcdef";

    private AuthTestServer _server = null!;

    public async ValueTask InitializeAsync()
        => _server = await AuthTestServer.StartAsync(TestTokens.Options("""
            auth:
              api_keys: [{name: ci, key_env: CI}, {name: ops, key_env: OPS}]
              rate_limit: {requests_per_minute: 1, burst: 2}
            """, new Dictionary<string, string> { ["CI"] = CiKey, ["OPS"] = OpsKey }));

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Past_its_burst_a_principal_gets_429_with_retry_after_while_others_are_served()
    {
        for (var i = 0; i < 2; i++)
        {
            using var ok = await _server.CallAsync(("X-API-Key", CiKey));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await _server.CallAsync(("X-API-Key", CiKey));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        var body = await limited.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("rate_limited", body.GetProperty("error").GetString());

        using var other = await _server.CallAsync(("X-API-Key", OpsKey));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Anonymous_guessing_is_limited_by_address_before_any_key_is_checked()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await _server.CallAsync(("X-API-Key", "guess-" + i + "-0123456789abcdef"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public void The_bucket_refills_at_the_configured_rate()
    {
        var bucket = GatewayRateLimits.Bucket(new GatewayRateLimitOptions(600, 50));
        Assert.Equal((50, 1, TimeSpan.FromMilliseconds(100), 0), (bucket.TokenLimit, bucket.TokensPerPeriod, bucket.ReplenishmentPeriod, bucket.QueueLimit));
    }
}
