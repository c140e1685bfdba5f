using System.Net;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Protocol;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpVanguard.Gateway.Tests;

/// <summary>The official C# SDK client over Streamable HTTP → the gateway on Kestrel → the real server-everything / server-filesystem.</summary>
public sealed class StreamableHttpClientTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("vanguard-gw-fs-").FullName;
    private GatewayHarness? _gateway;

    private GatewayHarness Gateway => _gateway!;

    public async ValueTask InitializeAsync()
    {
        TestPeers.RequireNodePackages();
        File.WriteAllText(Path.Combine(_root, "hello.txt"), "hello through the gateway\n");
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
    public async Task ListsToolsAndEchoes()
    {
        var token = TestContext.Current.CancellationToken;
        await using var client = await Gateway.ConnectAsync(token, path: "/mcp/everything");

        var tools = await client.ListToolsAsync(cancellationToken: token);
        Assert.Contains(tools, t => t.Name == "echo");

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "through the gateway" }, cancellationToken: token);
        Assert.Contains("through the gateway", Text(result));
    }

    [Fact(Timeout = 120_000)]
    public async Task ATraversalIsBlockedWithThePolicyErrorAndAudited()
    {
        var token = TestContext.Current.CancellationToken;
        await using var client = await Gateway.ConnectAsync(token, path: "/mcp/files");

        var allowed = await client.CallToolAsync("read_text_file", new Dictionary<string, object?> { ["path"] = Path.Combine(_root, "hello.txt") }, cancellationToken: token);
        Assert.Contains("hello through the gateway", Text(allowed));

        var refused = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("read_text_file", new Dictionary<string, object?> { ["path"] = "../../etc/passwd" }, cancellationToken: token).AsTask());
        Assert.Equal(JsonRpcErrorCodes.PolicyBlocked, (int)refused.ErrorCode);
        Assert.Contains("Blocked by McpVanguard", refused.Message, StringComparison.Ordinal);
        Assert.Contains(Gateway.Audit.Records, r => r.Verdict == "block" && r.Tool == "read_text_file" && r.ServerId == "files");
    }

    [Fact(Timeout = 120_000)]
    public async Task ProgressNotificationsReachTheCallerOnTheSameRequest()
    {
        var token = TestContext.Current.CancellationToken;
        await using var client = await Gateway.ConnectAsync(token, path: "/mcp/everything");
        var updates = new List<ProgressNotificationValue>();
        var progress = new SynchronousProgress(updates);

        var result = await client.CallToolAsync("trigger-long-running-operation", new Dictionary<string, object?> { ["duration"] = 2, ["steps"] = 2 }, progress, cancellationToken: token);

        Assert.Contains("Long running operation completed", Text(result));
        // The first update comes a second before the response. The last one is sent right before the response, and the SDK
        // client dispatches notifications concurrently with responses, so it may unregister its handler first: the exact
        // sequence on the wire is asserted with raw HTTP below.
        lock (updates)
        {
            Assert.Contains(updates, u => u.Progress == 1 && u.Total == 2);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task AProgressRequestIsAnsweredWithAnSseStreamOfItsProgressThenItsResponse()
    {
        var token = TestContext.Current.CancellationToken;
        using var http = new HttpClient();
        var url = new Uri(Gateway.BaseUrl, "/mcp/everything");
        var sessionId = await RawHttp.InitializeAsync(http, url, token);

        using var call = RawHttp.Post(url, """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"trigger-long-running-operation","arguments":{"duration":1,"steps":3},"_meta":{"progressToken":"p-7"}}}""", sessionId);
        using var response = await http.SendAsync(call, token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = (await response.Content.ReadAsStringAsync(token))
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => System.Text.Json.JsonDocument.Parse(e.Split("data: ")[1]).RootElement)
            .ToList();

        Assert.Equal(4, events.Count);
        for (var step = 0; step < 3; step++)
        {
            Assert.Equal("notifications/progress", events[step].GetProperty("method").GetString());
            Assert.Equal("p-7", events[step].GetProperty("params").GetProperty("progressToken").GetString());
            Assert.Equal(step + 1, events[step].GetProperty("params").GetProperty("progress").GetInt32());
        }

        Assert.Equal(7, events[3].GetProperty("id").GetInt32());
        Assert.True(events[3].TryGetProperty("result", out _));
    }

    // Sampling is deprecated in a later protocol revision, but server-everything still uses it: it is the server-initiated request at hand.
#pragma warning disable MCP9005
    [Fact(Timeout = 120_000)]
    public async Task AServerInitiatedSamplingRequestIsAnsweredByTheClient()
    {
        var token = TestContext.Current.CancellationToken;
        var options = new McpClientOptions
        {
            Handlers = new McpClientHandlers
            {
                SamplingHandler = (request, _, _) => ValueTask.FromResult(new CreateMessageResult
                {
                    Model = "test-model",
                    Role = Role.Assistant,
                    Content = [new TextContentBlock { Text = "sampled answer from the client" }],
                }),
            },
        };
        await using var client = await Gateway.ConnectAsync(token, options: options, path: "/mcp/everything");

        var result = await client.CallToolAsync("trigger-sampling-request", new Dictionary<string, object?> { ["prompt"] = "say hi", ["maxTokens"] = 20 }, cancellationToken: token);

        Assert.Contains("sampled answer from the client", Text(result));
    }
#pragma warning restore MCP9005

    [Fact(Timeout = 120_000)]
    public async Task ADeletedSessionIsGone()
    {
        var token = TestContext.Current.CancellationToken;
        using var http = new HttpClient();
        var sessionId = await RawHttp.InitializeAsync(http, new Uri(Gateway.BaseUrl, "/mcp/everything"), token);
        Assert.Equal(1, Gateway.Server.SessionCount);

        using var delete = RawHttp.Request(HttpMethod.Delete, new Uri(Gateway.BaseUrl, "/mcp/everything"), sessionId);
        using var deleted = await http.SendAsync(delete, token);
        Assert.True(deleted.IsSuccessStatusCode, $"DELETE answered {(int)deleted.StatusCode}");

        using var after = RawHttp.Post(new Uri(Gateway.BaseUrl, "/mcp/everything"), """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", sessionId);
        using var response = await http.SendAsync(after, token);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("-32600", await response.Content.ReadAsStringAsync(token), StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task ASessionOfOneUpstreamIsUnknownOnAnother()
    {
        var token = TestContext.Current.CancellationToken;
        using var http = new HttpClient();
        var sessionId = await RawHttp.InitializeAsync(http, new Uri(Gateway.BaseUrl, "/mcp/everything"), token);

        using var other = RawHttp.Post(new Uri(Gateway.BaseUrl, "/mcp/files"), """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", sessionId);
        using var response = await http.SendAsync(other, token);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    internal static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    /// <summary>Records progress as it is reported (Progress&lt;T&gt; would post to the thread pool and race the assertion).</summary>
    private sealed class SynchronousProgress(List<ProgressNotificationValue> into) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value)
        {
            lock (into)
            {
                into.Add(value);
            }
        }
    }
}
