using System.Net;
using McpVanguard.Gateway.Upstreams;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary><c>auth.max_sessions_per_principal</c> at the real gateway: one caller cannot take the sessions every caller shares.</summary>
public sealed class SessionCapTests
{
    private const string CiKey = "ci-key-0123456789abcdef";
    private const string OpsKey = "ops-key-0123456789abcdef";

    private static readonly Dictionary<string, string> Keys = new() { ["CI"] = CiKey, ["OPS"] = OpsKey };

    private static Task<GatewayHarness> StartAsync(IReadOnlyList<UpstreamDefinition> servers, int cap, string gateway = "")
        => GatewayHarness.StartFromConfigAsync($$"""
            auth:
              api_keys: [{name: ci, key_env: CI}, {name: ops, key_env: OPS}]
              max_sessions_per_principal: {{cap}}
            gateway:
              max_sessions: 6
            {{gateway}}
            """, servers, Keys);

    private static async Task<HttpStatusCode> TryInitializeAsync(HttpClient http, string key)
    {
        using var response = await GatewayCalls.PostAsync(http, RawHttp.Initialize, null, ("X-API-Key", key));
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Assert.Equal(McpVanguard.Protocol.JsonRpcErrorCodes.LimitExceeded, await RawHttp.ErrorCodeAsync(response, TestContext.Current.CancellationToken));
            Assert.NotNull(response.Headers.RetryAfter);
        }

        return response.StatusCode;
    }

    [Fact]
    public async Task A_caller_at_its_cap_gets_429_and_cannot_take_the_sessions_of_others()
    {
        // The reproduction: cap 2, max_sessions 6. Before the fix one caller opened all 6 and the others got 503.
        await using var gateway = await StartAsync(GatewayCalls.FileTools, cap: 2);
        using var http = gateway.NewHttpClient();
        var ci = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            ci.Add(await TryInitializeAsync(http, CiKey));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 4)], ci);
        Assert.Equal(2, gateway.Server.SessionCount);
        Assert.Equal(HttpStatusCode.OK, await TryInitializeAsync(http, OpsKey));
        Assert.Equal(HttpStatusCode.OK, await TryInitializeAsync(http, OpsKey));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TryInitializeAsync(http, OpsKey));
    }

    [Fact]
    public async Task Ending_a_session_with_delete_gives_its_slot_back()
    {
        await using var gateway = await StartAsync(GatewayCalls.FileTools, cap: 1);
        using var http = gateway.NewHttpClient();
        var session = await GatewayCalls.InitializeAsync(http, ("X-API-Key", CiKey));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TryInitializeAsync(http, CiKey));

        using var delete = RawHttp.Request(HttpMethod.Delete, gateway.Mcp, session);
        delete.Headers.Add("X-API-Key", CiKey);
        using (var deleted = await http.SendAsync(delete, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, await TryInitializeAsync(http, CiKey));
    }

    [Fact]
    public async Task A_session_that_idles_out_gives_its_slot_back()
    {
        await using var gateway = await StartAsync(GatewayCalls.FileTools, cap: 1, gateway: "  session_idle_timeout_s: 1");
        using var http = gateway.NewHttpClient();
        await GatewayCalls.InitializeAsync(http, ("X-API-Key", CiKey));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TryInitializeAsync(http, CiKey));

        Assert.True(await ProcFs.EventuallyAsync(() => gateway.Server.SessionCount == 0, TestPeers.Patience, TestContext.Current.CancellationToken), "the idle session was never ended");
        Assert.Equal(HttpStatusCode.OK, await TryInitializeAsync(http, CiKey));
    }

    [Fact]
    public async Task A_session_whose_server_dies_gives_its_slot_back()
    {
        IReadOnlyList<UpstreamDefinition> crashing = [UpstreamDefinition.Stdio("crash", ["node", TestPeers.Fixture("exits-on-call.js")])];
        await using var gateway = await StartAsync(crashing, cap: 1);
        using var http = gateway.NewHttpClient();
        var session = await GatewayCalls.InitializeAsync(http, ("X-API-Key", CiKey));
        using (await GatewayCalls.PostAsync(http, """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"crash","arguments":{}}}""", session, ("X-API-Key", CiKey)))
        {
            // The server exits instead of answering; the POST ends with an upstream error.
        }

        Assert.True(await ProcFs.EventuallyAsync(() => gateway.Server.SessionCount == 0, TestPeers.Patience, TestContext.Current.CancellationToken), "the dead server's session was never ended");
        Assert.Equal(HttpStatusCode.OK, await TryInitializeAsync(http, CiKey));
    }
}
