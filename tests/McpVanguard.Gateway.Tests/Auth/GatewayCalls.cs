using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using McpVanguard.Gateway.Upstreams;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>Hand-made requests with credentials to a real gateway (<see cref="GatewayHarness"/> or the real process).</summary>
internal static class GatewayCalls
{
    /// <summary>A request without a session: once past authentication and the limits, the endpoint answers 400 "session required".</summary>
    public const string Ping = """{"jsonrpc":"2.0","id":1,"method":"ping"}""";

    /// <summary>The upstream of the auth tests: three file-like tools, no files touched (tests/node/fixtures/file-tools.js).</summary>
    public static IReadOnlyList<UpstreamDefinition> FileTools => [UpstreamDefinition.Stdio("fs", ["node", TestPeers.Fixture("file-tools.js")])];

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string? sessionId, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> PingAsync(HttpClient http, params (string Name, string Value)[] headers) => PostAsync(http, Ping, null, headers);

    public static Task<HttpResponseMessage> BearerAsync(HttpClient http, string token) => PingAsync(http, ("Authorization", "Bearer " + token));

    /// <summary>Asserts that a request got through authentication, authorization and the limits to the MCP endpoint itself.</summary>
    public static async Task AssertReachedTheEndpointAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest && body.Contains("Mcp-Session-Id header is required", StringComparison.Ordinal), $"{(int)response.StatusCode}: {body}");
    }

    /// <summary>Opens a session (initialize + initialized) with the given credentials; returns its id.</summary>
    public static async Task<string> InitializeAsync(HttpClient http, params (string Name, string Value)[] headers)
    {
        using var response = await PostAsync(http, RawHttp.Initialize, null, headers);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sessionId = response.Headers.GetValues("Mcp-Session-Id").Single();
        using var initialized = await PostAsync(http, """{"jsonrpc":"2.0","method":"notifications/initialized"}""", sessionId, headers);
        Assert.Equal(HttpStatusCode.Accepted, initialized.StatusCode);
        return sessionId;
    }

    /// <summary>One JSON-RPC request in a session; the answer's JSON (from a JSON body or the first SSE data line).</summary>
    public static async Task<JsonElement> RequestAsync(HttpClient http, string sessionId, string body, params (string Name, string Value)[] headers)
    {
        using var response = await PostAsync(http, body, sessionId, headers);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            text = text.Split('\n').First(l => l.StartsWith("data:", StringComparison.Ordinal))["data:".Length..].Trim();
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
