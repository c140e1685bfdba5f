using System.Collections.Concurrent;
using System.Text.Json;
using McpVanguard.Gateway.Upstreams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace McpVanguard.Gateway.Tests;

/// <summary>
/// A remote upstream gets its own configured credentials and its own session id, never the client's: a minimal Streamable
/// HTTP server on 127.0.0.1 records the headers of every request the gateway sends it.
/// </summary>
public sealed class UpstreamCredentialTests
{
    [Fact(Timeout = 120_000)]
    public async Task TheClientsAuthorizationNeverReachesTheUpstream()
    {
        var token = TestContext.Current.CancellationToken;
        var seen = new ConcurrentQueue<IHeaderDictionary>();
        await using var upstream = await StartRecordingUpstreamAsync(seen);
        var url = new Uri(upstream.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/mcp");
        var remote = new UpstreamDefinition("remote", null, url, new Dictionary<string, string> { ["X-Upstream-Credential"] = "configured-for-the-upstream" }, new Dictionary<string, string>());
        await using var gateway = await GatewayHarness.StartAsync([remote]);

        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = gateway.Mcp,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer the-clients-own-secret", ["Cookie"] = "client=1" },
        });
        await using (var client = await McpClient.CreateAsync(transport, cancellationToken: token))
        {
            var tools = await client.ListToolsAsync(cancellationToken: token);
            Assert.Empty(tools);
        }

        Assert.NotEmpty(seen);
        Assert.All(seen, headers =>
        {
            Assert.False(headers.ContainsKey("Authorization"), "the client's Authorization header reached the upstream");
            Assert.False(headers.ContainsKey("Cookie"), "the client's Cookie header reached the upstream");
            Assert.Equal("configured-for-the-upstream", headers["X-Upstream-Credential"].ToString());
        });
        // After initialize every request carries the upstream's own session id, not the gateway's.
        Assert.All(seen.Skip(1), headers => Assert.Equal("upstream-session-1", headers["Mcp-Session-Id"].ToString()));
    }

    /// <summary>Answers initialize and tools/list in JSON, accepts notifications, has no GET stream; records every request's headers.</summary>
    private static async Task<WebApplication> StartRecordingUpstreamAsync(ConcurrentQueue<IHeaderDictionary> seen)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Map("/mcp", async context =>
        {
            seen.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)));
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
            }

            using var message = await JsonDocument.ParseAsync(context.Request.Body);
            var root = message.RootElement;
            if (!root.TryGetProperty("id", out var id))
            {
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                return;
            }

            var result = root.GetProperty("method").GetString() == "initialize"
                ? """{"protocolVersion":"2025-06-18","capabilities":{"tools":{}},"serverInfo":{"name":"recorder","version":"1"}}"""
                : """{"tools":[]}""";
            context.Response.Headers["Mcp-Session-Id"] = "upstream-session-1";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"jsonrpc":"2.0","id":{{id.GetRawText()}},"result":{{result}}}""");
        });
        await app.StartAsync();
        return app;
    }
}
