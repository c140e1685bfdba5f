using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpVanguard.ConformanceServer;

/// <summary>Runs the target as a stateful Streamable HTTP server at http://127.0.0.1:PORT/mcp.</summary>
internal static class HttpTarget
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Loopback only: the target is a test fixture and must never be reachable from elsewhere.
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        builder.Services.AddMcpServer().WithHttpTransport(o =>
        {
            // Sessions are what lets the server send sampling and elicitation requests back mid-call;
            // the SDK's default here is stateless.
            o.Stateless = false;
        }).AddConformanceFeatures();

        var app = builder.Build();
        app.UseMiddleware<LoopbackHostFilter>();
        app.MapMcp("/mcp");
        await app.RunAsync();
    }
}
