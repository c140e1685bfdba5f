using System.CommandLine;
using McpVanguard.Cli.Commands;
using McpVanguard.Inspection.Semantic;

namespace McpVanguard.Cli;

/// <summary>The <c>vanguard</c> command line; the tool with the embedded L2 model runs the same one with its scorer.</summary>
public static class VanguardCommandLine
{
    /// <param name="embeddedScorer">The embedded L2 model's scorer (null when it is not installed); asked at most once, and only when L2 selects it.</param>
    public static async Task<int> RunAsync(string[] args, Func<ISemanticScorer?>? embeddedScorer = null)
    {
        // Before anything reads the rules or the lexicon: the tables this build precompiled from them (the rules' parsed
        // YAML, the patterns' literals and phrase programs, the automata) are then read, not built, at start-up.
        McpVanguard.Inspection.Tables.PrecompiledTables.InstallFrom(typeof(VanguardCommandLine).Assembly);
        if (embeddedScorer is not null)
        {
            EngineFactory.UseEmbeddedScorer(embeddedScorer);
        }

        var start = StartCommand.Create();
        var root = new RootCommand(RootHelp.Description)
        {
            start,
            ServeCommand.Create(),
            ReplayCommand.Create(),
            TaxonomyCommand.Create(),
            BenchCommand.Create(),
            CheckCommand.Create(),
            RulesCommand.Create(),
            ConfigCommand.Create(),
            ConfigureCommand.Create(),
            InitCommand.Create(),
            DoctorCommand.Create(),
            AuditCommand.Create(),
            PinsCommand.Create(),
            TrustCommand.Create(),
            ManifestCommand.Create(),
            ScanCommand.Create(),
            DemoCommand.Create(),
            DemoServerCommand.Create(),
            UiCommand.Create(),
        };

        var parse = root.Parse(args);

        // A typo must stop here with exit 2 and a suggestion: before this, an unknown option of 'start' became the server's
        // command line. Help is the exception: 'vanguard start --help' prints help even with other errors.
        var problems = CommandLineErrors.Find(parse, new Dictionary<Command, Argument<string[]>> { [start] = StartCommand.ServerCommand(start) });
        if (problems.Count > 0 && !CommandLineErrors.IsHelp(parse))
        {
            return CommandLineErrors.Report(parse, problems, Console.Error);
        }

        // Relative paths (a safe zone ".", the config beside the project) resolve against the working directory; when it was
        // deleted or unmounted, guessing another one could widen a safe zone to "/", so say so and stop.
        if (parse.CommandResult.Command != root && !CommandLineErrors.IsHelp(parse) && !WorkingDirectoryExists())
        {
            Console.Error.WriteLine("vanguard: the working directory no longer exists (deleted or unmounted); run vanguard from an existing directory.");
            return 2;
        }

        // vanguard handles SIGINT/SIGTERM itself (the child's process tree must be shut down in order), so the parser must not
        // force an exit after its own timeout.
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug must still end in one clear line and a distinct exit code, not a stack trace in the client's log.
            Console.Error.WriteLine($"vanguard: internal error ({ex.GetType().Name}): {ex.Message}. Please report it with the command line that caused it.");
            return 70;
        }
    }

    private static bool WorkingDirectoryExists()
    {
        try
        {
            return Directory.Exists(Directory.GetCurrentDirectory());
        }
        catch (IOException)
        {
            // getcwd fails with ENOENT (FileNotFoundException) once the directory is gone.
            return false;
        }
    }
}
