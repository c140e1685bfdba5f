using System.Net;
using McpVanguard.Configuration;
using McpVanguard.Protocol;

namespace McpVanguard.Gateway.Tests;

/// <summary>Every transport rule the gateway enforces, checked with raw HTTP against a real Kestrel and a real stdio server.</summary>
public sealed class HttpRulesTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private GatewayHarness? _gateway;

    private GatewayHarness Gateway => _gateway!;

    public async ValueTask InitializeAsync()
    {
        TestPeers.RequireNodePackages();
        _gateway = await GatewayHarness.StartAsync("everything", TestPeers.Everything, new Dictionary<string, object>
        {
            [ConfigurationKeys.GatewayMaxBodyBytes] = "4096",
            [ConfigurationKeys.GatewayMaxSessions] = "2",
        });
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }

    private CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("http://localhost.evil.example:8080")]
    [InlineData("null")]
    public async Task AForeignOriginIsForbidden(string origin)
    {
        using var request = RawHttp.Post(Gateway.Mcp, RawHttp.Initialize);
        request.Headers.Add("Origin", origin);
        using var response = await _http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, await RawHttp.ErrorCodeAsync(response, Token));
        Assert.Equal(0, Gateway.Server.SessionCount);
    }

    [Theory]
    [InlineData("http://localhost:3000")]
    [InlineData("http://127.0.0.1:5173")]
    [InlineData("https://[::1]")]
    public async Task ALoopbackOriginIsAllowedWhenBoundToLoopback(string origin)
    {
        using var request = RawHttp.Post(Gateway.Mcp, RawHttp.Initialize);
        request.Headers.Add("Origin", origin);
        using var response = await _http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:80")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task AForeignHostHeaderIsForbidden(string host)
    {
        using var request = RawHttp.Post(Gateway.Mcp, RawHttp.Initialize);
        request.Headers.Host = host;
        using var response = await _http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Host header", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestWithoutASessionIsABadRequest()
    {
        using var request = RawHttp.Post(Gateway.Mcp, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""");
        using var response = await _http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Mcp-Session-Id", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSessionIsNotFound()
    {
        using var request = RawHttp.Post(Gateway.Mcp, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", sessionId: "0123456789abcdef0123456789abcdef");
        using var response = await _http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnUnsupportedProtocolVersionIsABadRequest()
    {
        var session = await RawHttp.InitializeAsync(_http, Gateway.Mcp, Token);
        using var request = RawHttp.Post(Gateway.Mcp, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", session);
        request.Headers.Add("MCP-Protocol-Version", "1999-01-01");
        using var response = await _http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MCP-Protocol-Version", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASupportedProtocolVersionAndNoneAtAllAreAccepted()
    {
        var session = await RawHttp.InitializeAsync(_http, Gateway.Mcp, Token);
        using var versioned = RawHttp.Post(Gateway.Mcp, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", session);
        versioned.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        using var first = await _http.SendAsync(versioned, Token);
        using var unversioned = RawHttp.Post(Gateway.Mcp, """{"jsonrpc":"2.0","id":3,"method":"tools/list"}""", session);
        using var second = await _http.SendAsync(unversioned, Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("\"tools\"", await second.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABatchIsRefusedWithAJsonRpcError()
    {
        var session = await RawHttp.InitializeAsync(_http, Gateway.Mcp, Token);
        using var request = RawHttp.Post(Gateway.Mcp, """[{"jsonrpc":"2.0","id":2,"method":"tools/list"},{"jsonrpc":"2.0","id":3,"method":"tools/list"}]""", session);
        using var response = await _http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, await RawHttp.ErrorCodeAsync(response, Token));
        Assert.Contains(Gateway.Audit.Records, r => r.RuleIds.Contains("RPC-002"));
    }

    [Fact]
    public async Task ARepeatedIdKeyIsRefusedAtOnce()
    {
        var session = await RawHttp.InitializeAsync(_http, Gateway.Mcp, Token);
        using var request = RawHttp.Post(Gateway.Mcp, """{"jsonrpc":"2.0","id":1,"id":2,"method":"tools/list"}""", session);
        using var response = await _http.SendAsync(request, Token);

        // Parsed once for routing and inspection alike: the refusal of the unreadable body is this POST's answer, at once.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, await RawHttp.ErrorCodeAsync(response, Token));

        using var next = RawHttp.Post(Gateway.Mcp, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", session);
        using var answered = await _http.SendAsync(next, Token);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("\"tools\"", await answered.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnparsableJsonIsRefusedWithAParseError()
    {
        var session = await RawHttp.InitializeAsync(_http, Gateway.Mcp, Token);
        using var request = RawHttp.Post(Gateway.Mcp, """{"jsonrpc":"2.0","id":2,"method":""", session);
        using var response = await _http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(JsonRpcErrorCodes.ParseError, await RawHttp.ErrorCodeAsync(response, Token));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/event-stream")]
    [InlineData("text/plain")]
    public async Task APostThatDoesNotAcceptBothJsonAndSseIsNotAcceptable(string accept)
    {
        using var request = RawHttp.Post(Gateway.Mcp, RawHttp.Initialize, accept: accept);
        using var response = await _http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal(0, Gateway.Server.SessionCount);
    }

    [Fact]
    public async Task AGetWithoutEventStreamInAcceptIsNotAcceptable()
    {
        var session = await RawHttp.InitializeAsync(_http, Gateway.Mcp, Token);
        using var request = RawHttp.Request(HttpMethod.Get, Gateway.Mcp, session);
        request.Headers.Add("Accept", "application/json");
        using var response = await _http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task ASecondGetStreamOnOneSessionIsAConflict()
    {
        var session = await RawHttp.InitializeAsync(_http, Gateway.Mcp, Token);
        using var first = RawHttp.Request(HttpMethod.Get, Gateway.Mcp, session);
        first.Headers.Add("Accept", "text/event-stream");
        using var open = await _http.SendAsync(first, HttpCompletionOption.ResponseHeadersRead, Token);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal("text/event-stream", open.Content.Headers.ContentType?.MediaType);

        using var second = RawHttp.Request(HttpMethod.Get, Gateway.Mcp, session);
        second.Headers.Add("Accept", "text/event-stream");
        using var conflict = await _http.SendAsync(second, Token);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public async Task AnOversizedBodyIsTooLarge()
    {
        var session = await RawHttp.InitializeAsync(_http, Gateway.Mcp, Token);
        var big = """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"message":" """ + new string('x', 8192) + "\"}}}";
        using var request = RawHttp.Post(Gateway.Mcp, big, session);
        using var response = await _http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(JsonRpcErrorCodes.LimitExceeded, await RawHttp.ErrorCodeAsync(response, Token));
    }

    [Fact]
    public async Task AnOversizedChunkedBodyIsTooLargeToo()
    {
        var session = await RawHttp.InitializeAsync(_http, Gateway.Mcp, Token);
        using var request = RawHttp.Request(HttpMethod.Post, Gateway.Mcp, session);
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
        // No Content-Length: the limit must hold while the body streams in.
        request.Content = new StreamContent(new MemoryStream(new byte[64 * 1024]));
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        using var response = await _http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task BeyondTheSessionCapANewSessionIsRefusedClearly()
    {
        await RawHttp.InitializeAsync(_http, Gateway.Mcp, Token);
        await RawHttp.InitializeAsync(_http, Gateway.Mcp, Token);
        using var third = RawHttp.Post(Gateway.Mcp, RawHttp.Initialize);
        using var response = await _http.SendAsync(third, Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(JsonRpcErrorCodes.LimitExceeded, await RawHttp.ErrorCodeAsync(response, Token));
        Assert.Contains("gateway.max_sessions", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(2, Gateway.Server.SessionCount);
    }

    [Fact]
    public async Task NotificationsAreAccepted()
    {
        var session = await RawHttp.InitializeAsync(_http, Gateway.Mcp, Token);
        using var request = RawHttp.Post(Gateway.Mcp, """{"jsonrpc":"2.0","method":"notifications/roots/list_changed"}""", session);
        using var response = await _http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task HealthIsAlwaysAnsweredAndReadinessOnceTheRulesAreBuilt()
    {
        using var health = await _http.GetAsync(new Uri(Gateway.BaseUrl, "/healthz"), Token);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // The build's version (the VERSION file), so an operator sees which release a replica runs.
        var version = File.ReadAllText(Path.Join(TestPeers.RepositoryRoot, "VERSION")).Trim();
        Assert.Equal($"ok vanguard {version}\n", await health.Content.ReadAsStringAsync(Token));

        // Ready once the engine is primed (a background pass started with the server, seconds at most).
        while (true)
        {
            using var ready = await _http.GetAsync(new Uri(Gateway.BaseUrl, "/readyz"), Token);
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            await Task.Delay(50, Token);
        }
    }
}
