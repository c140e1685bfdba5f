using System.Net.Http.Json;
using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>
/// A real Kestrel on 127.0.0.1 with the gateway's authentication in front of a stand-in MCP endpoint that answers with
/// the verified caller (until the transports land, this is the protected endpoint).
/// </summary>
internal sealed class AuthTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AuthTestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="endpoint">What <c>/mcp</c> does for an authorised request; by default it answers with the verified caller.</param>
    public static async Task<AuthTestServer> StartAsync(GatewayAuthOptions options, Func<HttpContext, Task<IResult>>? endpoint = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddVanguardAuthentication(options);
        var app = builder.Build();
        app.UseVanguardAuthentication();
        app.MapVanguardAuthMetadata();
        endpoint ??= context => Task.FromResult(Results.Json(CallerClaims.CallerFrom(context.User)));
        app.MapPost("/mcp", endpoint)
            .RequireAuthorization(GatewayPolicies.Client)
            .RequireRateLimiting(GatewayRateLimits.PerPrincipal);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new AuthTestServer(app, new Uri(address));
    }

    /// <summary>POSTs a JSON-RPC ping to <c>/mcp</c> with the given headers.</summary>
    public Task<HttpResponseMessage> CallAsync(params (string Name, string Value)[] headers)
        => PostAsync(new { jsonrpc = "2.0", id = 1, method = "ping" }, headers);

    /// <summary>POSTs <paramref name="message"/> as JSON to <c>/mcp</c> with the given headers.</summary>
    public Task<HttpResponseMessage> PostAsync(object message, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = JsonContent.Create(message) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> BearerAsync(string token) => CallAsync(("Authorization", "Bearer " + token));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
