using System.Net;
using McpVanguard.Configuration;

namespace McpVanguard.Gateway.Tests;

/// <summary>Sessions end on their own when idle, and a warm pool keeps children started ahead of demand, all without orphans.</summary>
public sealed class SessionLifetimeTests
{
    private static string Server => TestPeers.Fixture("exits-on-call.js");

    [Fact(Timeout = 120_000)]
    public async Task AnIdleSessionIsEndedAndItsChildKilled()
    {
        var token = TestContext.Current.CancellationToken;
        await using var gateway = await GatewayHarness.StartAsync("idle", ["node", Server], new Dictionary<string, object>
        {
            [ConfigurationKeys.GatewaySessionIdleTimeoutSeconds] = "1",
            [ConfigurationKeys.ShutdownGraceMs] = "0",
        });
        using var http = new HttpClient();
        var session = await RawHttp.InitializeAsync(http, gateway.Mcp, token);
        Assert.NotEmpty(ProcFs.LiveWithCommandLine(Server));

        Assert.True(await ProcFs.EventuallyAsync(() => gateway.Server.SessionCount == 0, TimeSpan.FromSeconds(60), token), "the idle session was never swept");
        Assert.True(await ProcFs.EventuallyAsync(() => ProcFs.LiveWithCommandLine(Server).Count == 0, TimeSpan.FromSeconds(30), token), "the idle session's child survived");

        using var late = RawHttp.Post(gateway.Mcp, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", session);
        using var response = await http.SendAsync(late, token);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task WhenTheServerExitsTheWaitingRequestGetsAnUpstreamErrorAndTheSessionEnds()
    {
        var token = TestContext.Current.CancellationToken;
        await using var gateway = await GatewayHarness.StartAsync("crash", ["node", Server]);
        using var http = new HttpClient();
        var session = await RawHttp.InitializeAsync(http, gateway.Mcp, token);

        // exits-on-call.js exits without answering any tools/call.
        using var call = RawHttp.Post(gateway.Mcp, """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"crash","arguments":{}}}""", session);
        using var answer = await http.SendAsync(call, token);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(McpVanguard.Protocol.JsonRpcErrorCodes.UpstreamUnavailable, await RawHttp.ErrorCodeAsync(answer, token));

        Assert.True(await ProcFs.EventuallyAsync(() => gateway.Server.SessionCount == 0, TimeSpan.FromSeconds(30), token), "the session outlived its server");
        using var late = RawHttp.Post(gateway.Mcp, """{"jsonrpc":"2.0","id":3,"method":"tools/list"}""", session);
        using var response = await http.SendAsync(late, token);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task AWarmPoolStartsChildrenAheadAndShutdownKillsThemAll()
    {
        var token = TestContext.Current.CancellationToken;
        var gateway = await GatewayHarness.StartAsync("warm", ["node", Server], new Dictionary<string, object> { [ConfigurationKeys.GatewayWarmPool] = "2" });
        try
        {
            // Before any client: the pool's two children.
            Assert.True(await ProcFs.EventuallyAsync(() => ProcFs.LiveServersWithCommandLine(Server).Count == 2, TimeSpan.FromSeconds(30), token), "the pool did not start its children");

            using var http = new HttpClient();
            await RawHttp.InitializeAsync(http, gateway.Mcp, token);

            // One child taken by the session, and the pool topped up again.
            Assert.True(await ProcFs.EventuallyAsync(() => ProcFs.LiveServersWithCommandLine(Server).Count == 3, TimeSpan.FromSeconds(30), token), "the pool did not refill");
        }
        finally
        {
            await gateway.DisposeAsync();
        }

        Assert.True(await ProcFs.EventuallyAsync(() => ProcFs.LiveWithCommandLine(Server).Count == 0, TimeSpan.FromSeconds(30), token), "children outlived the gateway");
    }
}
