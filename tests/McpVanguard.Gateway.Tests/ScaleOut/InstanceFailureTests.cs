using System.Net;
using McpVanguard.Gateway.Tests.Auth;

namespace McpVanguard.Gateway.Tests.ScaleOut;

/// <summary>
/// What dies with what: an instance killed behind nginx ends only its own sessions (their clients get 404 and
/// re-initialize through the survivor), and a Redis outage is met with the profile's policy, never a crash or a hang:
/// balanced carries on with local state and says so (<c>/readyz</c>, STATE-001), strict refuses new sessions with 503.
/// </summary>
[Trait("needs", "redis-nginx")]
public sealed class InstanceFailureTests
{
    private static readonly (string, string) Key = ("X-API-Key", ScaleOutPair.Keys["ROUTE_KEY"]);

    [Fact]
    public async Task Killing_an_instance_ends_only_its_sessions_and_their_clients_reinitialize_through_the_survivor()
    {
        LocalServices.Require(nginx: true);
        var token = TestContext.Current.CancellationToken;
        await using var redis = await RedisServerProcess.StartAsync(token);
        var prefix = "k" + Guid.NewGuid().ToString("N")[..8];
        var instances = await Task.WhenAll(new[] { "a", "b" }.Select(r => ServeInstance.StartAsync(ScaleOutPair.Config(redis.Url, prefix, r), ScaleOutPair.Keys, token)));
        await using var a = instances[0];
        await using var b = instances[1];
        await using var nginx = await NginxBalancer.StartAsync(a.Port, b.Port, token);
        using var lb = ScaleOutTests.Client(nginx.Url);

        // A session on each instance, both opened through nginx.
        string? onA = null, onB = null;
        for (var i = 0; i < 12 && (onA is null || onB is null); i++)
        {
            var session = await GatewayCalls.InitializeAsync(lb, Key);
            if (session.StartsWith("a.", StringComparison.Ordinal))
            {
                onA ??= session;
            }
            else
            {
                onB ??= session;
            }
        }

        Assert.True(onA is not null && onB is not null, "nginx never spread initializes over both instances");
        await a.KillAsync();

        // The survivor's session carries on.
        var echo = await GatewayCalls.RequestAsync(lb, onB!, ScaleOutTests.Call(20, "echo", """{"message":"still here"}"""), Key);
        Assert.Contains("still here", echo.GetRawText(), StringComparison.Ordinal);

        // The dead instance's session is unknown to the survivor: 404, as the specification says for an ended session.
        using var gone = await GatewayCalls.PostAsync(lb, ScaleOutTests.Call(21, "echo", """{"message":"lost"}"""), onA!, Key);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        // Its client starts again, and nginx sends the new initialize to the survivor.
        var again = await GatewayCalls.InitializeAsync(lb, Key);
        Assert.StartsWith("b.", again, StringComparison.Ordinal);
        var after = await GatewayCalls.RequestAsync(lb, again, ScaleOutTests.Call(22, "echo", """{"message":"re-initialized"}"""), Key);
        Assert.Contains("re-initialized", after.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Balanced_carries_on_with_local_state_while_redis_is_down_says_so_and_recovers()
    {
        LocalServices.Require(nginx: false);
        var token = TestContext.Current.CancellationToken;
        await using var redis = await RedisServerProcess.StartAsync(token);
        await using var gateway = await ServeInstance.StartAsync(ScaleOutPair.Config(redis.Url, "f" + Guid.NewGuid().ToString("N")[..8], "a"), ScaleOutPair.Keys, token);
        using var http = ScaleOutTests.Client(gateway.Url);
        var before = await GatewayCalls.InitializeAsync(http, Key);

        await redis.StopAsync();

        // Served from local state: the open session and a new one both work, and nothing waits for the dead Redis.
        var echo = await GatewayCalls.RequestAsync(http, before, ScaleOutTests.Call(2, "echo", """{"message":"during"}"""), Key);
        Assert.Contains("during", echo.GetRawText(), StringComparison.Ordinal);
        var during = await GatewayCalls.InitializeAsync(http, Key);
        Assert.StartsWith("a.", during, StringComparison.Ordinal);
        var (status, body) = await gateway.ReadyzAsync(token);
        Assert.Equal(200, status);
        Assert.Contains("degraded", body, StringComparison.Ordinal);
        Assert.True(await AuditedAsync(gateway, "\"verdict\":\"warn\"", token), "the outage was not audited as STATE-001");

        await redis.RestartAsync(token);
        Assert.True(await EventuallyAsync(async () => (await gateway.ReadyzAsync(token)).Body == "ready\n", token), "the gateway did not go back to the shared state");
        Assert.True(await AuditedAsync(gateway, "\"verdict\":\"allow\"", token), "the recovery was not audited");
    }

    [Fact]
    public async Task Strict_refuses_new_sessions_with_a_clear_503_while_redis_is_down()
    {
        LocalServices.Require(nginx: false);
        var token = TestContext.Current.CancellationToken;
        await using var redis = await RedisServerProcess.StartAsync(token);
        await using var gateway = await ServeInstance.StartAsync(ScaleOutPair.Config(redis.Url, "s" + Guid.NewGuid().ToString("N")[..8], "a", profile: "strict"), ScaleOutPair.Keys, token);
        using var http = ScaleOutTests.Client(gateway.Url);

        await redis.StopAsync();

        using var refused = await GatewayCalls.PostAsync(http, RawHttp.Initialize, null, Key);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("shared state", await refused.Content.ReadAsStringAsync(token), StringComparison.Ordinal);
        Assert.Equal(503, (await gateway.ReadyzAsync(token)).Status);

        await redis.RestartAsync(token);
        Assert.True(await EventuallyAsync(async () => (await gateway.ReadyzAsync(token)).Status == 200, token), "the strict gateway did not come back with Redis");
        var session = await GatewayCalls.InitializeAsync(http, Key);
        Assert.StartsWith("a.", session, StringComparison.Ordinal);
    }

    private static Task<bool> AuditedAsync(ServeInstance gateway, string verdict, CancellationToken token)
        => EventuallyAsync(async () => File.Exists(gateway.AuditLog)
            && (await ReadSharedAsync(gateway.AuditLog, token)).Split('\n').Any(l => l.Contains("STATE-001", StringComparison.Ordinal) && l.Contains(verdict, StringComparison.Ordinal)), token);

    private static async Task<string> ReadSharedAsync(string path, CancellationToken token)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(token);
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, CancellationToken token)
    {
        var deadline = DateTime.UtcNow + TestPeers.Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100, token);
        }

        return false;
    }
}
