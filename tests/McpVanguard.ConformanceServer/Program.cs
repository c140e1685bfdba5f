using McpVanguard.ConformanceServer;

// The target the official MCP conformance suite runs against, directly and through `vanguard serve`.
// Default mode is stdio (what the gateway spawns per session); `--http --port P` serves Streamable HTTP at /mcp.
var mode = TargetOptions.Parse(args);
if (mode.Error is not null)
{
    Console.Error.WriteLine(mode.Error);
    Console.Error.WriteLine("usage: McpVanguard.ConformanceServer [--http --port P]");
    return 2;
}

if (mode.Http)
{
    await HttpTarget.RunAsync(mode.Port);
}
else
{
    await StdioTarget.RunAsync();
}

return 0;
