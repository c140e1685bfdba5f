using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpVanguard.Demo;

/// <summary>The bundled demo MCP server: the official SDK over stdio, serving <see cref="DemoTools"/> on one workspace.</summary>
public static class DemoServer
{
    /// <summary>Serves MCP on stdin/stdout until the client closes stdin or <paramref name="cancellationToken"/> fires.</summary>
    public static async Task RunAsync(string root, CancellationToken cancellationToken)
    {
        var workspace = new DemoWorkspace(root);

        // The empty builder skips appsettings files and command-line configuration: the demo
        // server must not pick up settings from whatever folder it happens to be started in.
        var builder = Host.CreateEmptyApplicationBuilder(settings: null);

        // stdout carries the protocol, so every log line goes to stderr, which vanguard relays.
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // A refused tool call already reaches the client as a tool error; a stack trace per refusal
        // on stderr would bury the proxy's own block lines in the demo output.
        builder.Logging.AddFilter("ModelContextProtocol.Server", LogLevel.Critical);
        builder.Services.AddSingleton(workspace);
        builder.Services
            .AddMcpServer(options => options.ServerInfo = new() { Name = "vanguard-demo-server", Version = "1.0.0" })
            .WithStdioServerTransport()
            .WithTools<DemoTools>();

        using var host = builder.Build();
        await host.RunAsync(cancellationToken);
    }
}
