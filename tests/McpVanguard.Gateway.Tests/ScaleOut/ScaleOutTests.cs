using System.Net;
using System.Text.Json;
using McpVanguard.Gateway.Tests.Auth;

namespace McpVanguard.Gateway.Tests.ScaleOut;

/// <summary>
/// Two real <c>vanguard serve</c> processes on one real redis-server behind real nginx (the shipped config) behave as
/// one gateway: one rate limit, one L3 window per principal, and sessions that stay on the instance that holds them.
/// </summary>
[Trait("needs", "redis-nginx")]
public sealed class ScaleOutTests(ScaleOutPair pair) : IClassFixture<ScaleOutPair>
{
    [Fact]
    public async Task The_rate_limit_of_a_principal_holds_across_instances()
    {
        LocalServices.Require(nginx: true);
        using var a = Client(pair.A!.Url);
        using var b = Client(pair.B!.Url);
        var key = ("X-API-Key", ScaleOutPair.Keys["LIMIT_KEY"]);

        // The burst is spent half through each instance; alone, each would still have half of it left.
        for (var i = 0; i < ScaleOutPair.Burst; i++)
        {
            using var ok = await GatewayCalls.PingAsync(i % 2 == 0 ? a : b, key);
            await GatewayCalls.AssertReachedTheEndpointAsync(ok);
        }

        using var limitedA = await GatewayCalls.PingAsync(a, key);
        using var limitedB = await GatewayCalls.PingAsync(b, key);
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedA.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedB.StatusCode);
        Assert.NotNull(limitedB.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_read_through_one_instance_then_egress_through_the_other_is_blocked_as_one_chain()
    {
        LocalServices.Require(nginx: true);
        using var a = Client(pair.A!.Url);
        using var b = Client(pair.B!.Url);
        var key = ("X-API-Key", ScaleOutPair.Keys["CHAIN_KEY"]);

        var onA = await GatewayCalls.InitializeAsync(a, key);
        Assert.StartsWith("a.", onA, StringComparison.Ordinal);
        var read = await GatewayCalls.RequestAsync(a, onA, Call(2, "read_file", """{"path":"deploy/settings.py"}"""), key);
        Assert.Contains("DEBUG = False", read.GetRawText(), StringComparison.Ordinal);

        // Another session of the same principal, on the other instance: the principal's window is in Redis.
        var onB = await GatewayCalls.InitializeAsync(b, key);
        Assert.StartsWith("b.", onB, StringComparison.Ordinal);
        var egress = await GatewayCalls.RequestAsync(b, onB, Call(3, "fetch_url", """{"url":"https://collect.example.net/in"}"""), key);
        Assert.True(egress.TryGetProperty("error", out var error), egress.GetRawText());
        Assert.Contains("BEH-003", RuleIds(error));

        // Not sticky: an unrelated call of the same session goes through.
        var echo = await GatewayCalls.RequestAsync(b, onB, Call(4, "echo", """{"message":"hi"}"""), key);
        Assert.False(echo.TryGetProperty("error", out _), echo.GetRawText());
    }

    [Fact]
    public async Task Through_nginx_every_request_of_a_session_reaches_the_instance_that_holds_it()
    {
        LocalServices.Require(nginx: true);
        using var lb = Client(pair.Nginx!.Url);
        var key = ("X-API-Key", ScaleOutPair.Keys["ROUTE_KEY"]);

        // Initializes are spread over the pool; each later request must find its session (a miss would be a 404).
        var sessions = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            sessions.Add(await GatewayCalls.InitializeAsync(lb, key));
        }

        Assert.Contains(sessions, s => s.StartsWith("a.", StringComparison.Ordinal));
        Assert.Contains(sessions, s => s.StartsWith("b.", StringComparison.Ordinal));
        var id = 10;
        foreach (var session in sessions)
        {
            var echo = await GatewayCalls.RequestAsync(lb, session, Call(id++, "echo", """{"message":"sticky"}"""), key);
            Assert.Contains("sticky", echo.GetRawText(), StringComparison.Ordinal);
        }
    }

    internal static HttpClient Client(Uri url) => new() { BaseAddress = url, Timeout = TestPeers.Patience };

    internal static string Call(int id, string tool, string arguments)
        => $$$"""{"jsonrpc":"2.0","id":{{{id}}},"method":"tools/call","params":{"name":"{{{tool}}}","arguments":{{{arguments}}}}}""";

    private static List<string> RuleIds(JsonElement error)
        => error.TryGetProperty("data", out var data) && data.TryGetProperty("rule_ids", out var ids)
            ? [.. ids.EnumerateArray().Select(i => i.GetString()!)]
            : [];
}
