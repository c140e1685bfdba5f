using System.CommandLine;
using McpVanguard.Cli.Commands;

var start = StartCommand.Create();
var root = new RootCommand(RootHelp.Description)
{
    start,
    ServeCommand.Create(),
    ReplayCommand.Create(),
    CheckCommand.Create(),
    RulesCommand.Create(),
    ConfigCommand.Create(),
    ConfigureCommand.Create(),
    InitCommand.Create(),
    DoctorCommand.Create(),
    PinsCommand.Create(),
    ScanCommand.Create(),
    DemoCommand.Create(),
    DemoServerCommand.Create(),
};

var parse = root.Parse(args);

// A typo must stop here with exit 2 and a suggestion: before this, an unknown option of 'start' became the server's
// command line. Help is the exception: 'vanguard start --help' prints help even with other errors.
var problems = CommandLineErrors.Find(parse, new Dictionary<Command, Argument<string[]>> { [start] = StartCommand.ServerCommand(start) });
if (problems.Count > 0 && !CommandLineErrors.IsHelp(parse))
{
    return CommandLineErrors.Report(parse, problems, Console.Error);
}

// vanguard handles SIGINT/SIGTERM itself (the child's process tree must be shut down in order), so the parser must not
// force an exit after its own timeout.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
