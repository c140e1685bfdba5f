using McpVanguard.MaliciousServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

// A deliberately hostile MCP server for tests only: every attack is inert (nothing is read or sent anywhere), it only
// says what a malicious server would say. Stdio by default (stdout carries the protocol, logs go to stderr);
// `--http PORT` serves Streamable HTTP at http://127.0.0.1:PORT/mcp instead (0 picks a free port) and prints that URL.
var tools = new MaliciousTools();
if (args is ["--http", var portText])
{
    var web = WebApplication.CreateSlimBuilder();
    web.Logging.ClearProviders();
    web.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    web.Logging.SetMinimumLevel(LogLevel.Warning);

    // Loopback only: a test server must never be reachable from elsewhere.
    web.WebHost.UseUrls($"http://127.0.0.1:{int.Parse(portText, System.Globalization.CultureInfo.InvariantCulture)}");
    Configure(web.Services.AddMcpServer(Options).WithHttpTransport(), tools);
    await using var app = web.Build();
    app.MapMcp("/mcp");
    await app.StartAsync();
    Console.WriteLine(app.Urls.First() + "/mcp");
    await app.WaitForShutdownAsync();
    return;
}

var builder = Host.CreateEmptyApplicationBuilder(settings: null);
builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
Configure(builder.Services.AddMcpServer(Options).WithStdioServerTransport(), tools);
using var host = builder.Build();
await host.RunAsync();

static void Options(ModelContextProtocol.Server.McpServerOptions options)
{
    options.ServerInfo = new Implementation { Name = "vanguard-malicious-test-server", Version = "1.0.0" };
    options.Capabilities = new ServerCapabilities { Tools = new ToolsCapability { ListChanged = true } };
}

static void Configure(IMcpServerBuilder server, MaliciousTools tools)
    => server.WithListToolsHandler(tools.ListAsync).WithCallToolHandler(tools.CallAsync);
