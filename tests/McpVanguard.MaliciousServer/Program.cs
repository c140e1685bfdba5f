using McpVanguard.MaliciousServer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

// A deliberately hostile MCP server for tests only: every attack is inert (nothing is read or sent anywhere), it only
// says what a malicious server would say. Stdio only; stdout carries the protocol, logs go to stderr.
var builder = Host.CreateEmptyApplicationBuilder(settings: null);
builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var tools = new MaliciousTools();
builder.Services
    .AddMcpServer(options =>
    {
        options.ServerInfo = new Implementation { Name = "vanguard-malicious-test-server", Version = "1.0.0" };
        options.Capabilities = new ServerCapabilities { Tools = new ToolsCapability { ListChanged = true } };
    })
    .WithStdioServerTransport()
    .WithListToolsHandler(tools.ListAsync)
    .WithCallToolHandler(tools.CallAsync);

using var host = builder.Build();
await host.RunAsync();
