using System.Net;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Protocol;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace McpVanguard.Gateway.Tests;

/// <summary>The official C# SDK client over the legacy HTTP+SSE transport (<c>/sse</c> + <c>/messages</c>) through the gateway.</summary>
public sealed class LegacySseClientTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("vanguard-gw-sse-").FullName;
    private GatewayHarness? _gateway;

    private GatewayHarness Gateway => _gateway!;

    public async ValueTask InitializeAsync()
    {
        TestPeers.RequireNodePackages();
        _gateway = await GatewayHarness.StartAsync(
        [
            UpstreamDefinition.Stdio("everything", TestPeers.Everything),
            UpstreamDefinition.Stdio("files", TestPeers.Filesystem(_root)),
        ]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact(Timeout = 120_000)]
    public async Task ListsToolsAndEchoesOverSse()
    {
        var token = TestContext.Current.CancellationToken;
        await using var client = await Gateway.ConnectAsync(token, HttpTransportMode.Sse, path: "/sse/everything");

        var tools = await client.ListToolsAsync(cancellationToken: token);
        Assert.Contains(tools, t => t.Name == "echo");
        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "over legacy sse" }, cancellationToken: token);
        Assert.Contains("over legacy sse", StreamableHttpClientTests.Text(result));
    }

    [Fact(Timeout = 120_000)]
    public async Task ABlockedCallIsRefusedOnTheStream()
    {
        var token = TestContext.Current.CancellationToken;
        await using var client = await Gateway.ConnectAsync(token, HttpTransportMode.Sse, path: "/sse/files");

        var refused = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("read_text_file", new Dictionary<string, object?> { ["path"] = "../../etc/passwd" }, cancellationToken: token).AsTask());
        Assert.Equal(JsonRpcErrorCodes.PolicyBlocked, (int)refused.ErrorCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task ClosingTheStreamEndsTheSession()
    {
        var token = TestContext.Current.CancellationToken;
        var client = await Gateway.ConnectAsync(token, HttpTransportMode.Sse, path: "/sse/everything");
        await client.ListToolsAsync(cancellationToken: token);
        Assert.Equal(1, Gateway.Server.SessionCount);

        await client.DisposeAsync();

        // The gateway notices the closed stream asynchronously; poll the state, never a duration.
        while (Gateway.Server.SessionCount != 0)
        {
            await Task.Delay(50, token);
        }

        using var http = new HttpClient();
        using var post = RawHttp.Post(new Uri(Gateway.BaseUrl, "/messages?sessionId=0123456789abcdef0123456789abcdef"), """{"jsonrpc":"2.0","id":9,"method":"tools/list"}""");
        using var response = await http.SendAsync(post, token);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
