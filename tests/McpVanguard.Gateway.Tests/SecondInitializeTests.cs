using System.Net;
using McpVanguard.Gateway.Tests.Auth;
using McpVanguard.Protocol;

namespace McpVanguard.Gateway.Tests;

/// <summary>One <c>initialize</c> per session, at the real gateway: a second one is refused, never forwarded.</summary>
public sealed class SecondInitializeTests
{
    [Fact]
    public async Task A_second_initialize_on_a_live_session_gets_invalid_request_and_the_session_goes_on()
    {
        await using var gateway = await GatewayHarness.StartAsync(GatewayCalls.FileTools);
        using var http = gateway.NewHttpClient();
        var session = await GatewayCalls.InitializeAsync(http);

        using var again = await GatewayCalls.PostAsync(http, RawHttp.Initialize.Replace("\"id\":1", "\"id\":7", StringComparison.Ordinal), session);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var body = await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("already initialized", body, StringComparison.Ordinal);
        Assert.Contains("\"id\":7", body, StringComparison.Ordinal);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, await RawHttp.ErrorCodeAsync(again, TestContext.Current.CancellationToken));

        // Benign twin: the session is intact and ordinary requests on it are still served.
        var tools = await GatewayCalls.RequestAsync(http, session, """{"jsonrpc":"2.0","id":8,"method":"tools/list"}""");
        Assert.Equal(3, tools.GetProperty("result").GetProperty("tools").GetArrayLength());
    }
}
