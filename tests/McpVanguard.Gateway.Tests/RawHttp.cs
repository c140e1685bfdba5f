using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace McpVanguard.Gateway.Tests;

/// <summary>Hand-made Streamable HTTP requests, for the checks an SDK client would never let us get wrong.</summary>
internal static class RawHttp
{
    public const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw-test","version":"1.0"}}}""";

    public static HttpRequestMessage Post(Uri url, string body, string? sessionId = null, string accept = "application/json, text/event-stream")
    {
        var request = Request(HttpMethod.Post, url, sessionId);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return request;
    }

    public static HttpRequestMessage Request(HttpMethod method, Uri url, string? sessionId)
    {
        var request = new HttpRequestMessage(method, url);
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
        }

        return request;
    }

    /// <summary>Runs the handshake (initialize, then notifications/initialized) and returns the session id.</summary>
    public static async Task<string> InitializeAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        using var request = Post(url, Initialize);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var sessionId = response.Headers.GetValues("Mcp-Session-Id").Single();
        using var initialized = Post(url, """{"jsonrpc":"2.0","method":"notifications/initialized"}""", sessionId);
        using var accepted = await http.SendAsync(initialized, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, accepted.StatusCode);
        return sessionId;
    }

    /// <summary>The JSON-RPC error code of an error body.</summary>
    public static async Task<int> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.GetProperty("error").GetProperty("code").GetInt32();
    }
}
