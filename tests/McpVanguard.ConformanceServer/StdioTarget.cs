using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpVanguard.ConformanceServer;

/// <summary>Runs the target over stdio: one client, stdout carries protocol only.</summary>
internal static class StdioTarget
{
    public static async Task RunAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        // stdout is the protocol channel; warnings go to stderr so a gateway can log them.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMcpServer().WithStdioServerTransport().AddConformanceFeatures();
        await builder.Build().RunAsync();
    }
}
