using System.CommandLine;
using McpVanguard.Cli.Commands;

var root = new RootCommand("McpVanguard: a security proxy and firewall for the Model Context Protocol.")
{
    StartCommand.Create(),
    ServeCommand.Create(),
    ReplayCommand.Create(),
    CheckCommand.Create(),
    RulesCommand.Create(),
    ConfigCommand.Create(),
    PinsCommand.Create(),
    ScanCommand.Create(),
    DemoCommand.Create(),
    DemoServerCommand.Create(),
};

// vanguard handles SIGINT/SIGTERM itself (the child's process tree must be shut down in order), so the parser must not
// force an exit after its own timeout.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
