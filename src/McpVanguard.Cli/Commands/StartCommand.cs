using System.CommandLine;
using McpVanguard.Transports.Stdio;

namespace McpVanguard.Cli.Commands;

/// <summary><c>vanguard start --server "CMD ARGS"</c> or <c>vanguard start -- CMD ARGS</c>: wrap a stdio MCP server.</summary>
internal static class StartCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var server = new Option<string?>("--server", "-s") { Description = "The server command line, quoted (for example \"npx @modelcontextprotocol/server-filesystem .\")." };
        var command = new Argument<string[]>("command") { Description = "The server command and its arguments, after --.", Arity = ArgumentArity.ZeroOrMore };
        var start = new Command("start", HelpText.With(
            "Run an MCP server as a child and firewall its stdio traffic. Options go before --, the server command after it.",
            "vanguard start -- npx -y @modelcontextprotocol/server-filesystem ~/projects",
            "vanguard start --server-id files --safe-zone ~/projects -- node server.js",
            "vanguard start --profile strict --server \"python -m my_server\"",
            "vanguard start --config ./vanguard.yaml --audit-log /tmp/audit.jsonl -- ./server"))
        {
            server, command,
        };
        common.AddTo(start);
        start.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<string> argv;
            try
            {
                argv = parse.GetValue(server) is { } line ? CommandLineSplitter.Split(line) : parse.GetValue(command) ?? [];
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine($"[vanguard] {ex.Message}");
                return EngineFactory.ConfigurationError;
            }

            if (argv.Count == 0)
            {
                Console.Error.WriteLine("[vanguard] no server command: use --server \"CMD ARGS\" or -- CMD ARGS.");
                return EngineFactory.ConfigurationError;
            }

            if (EngineFactory.TryLoadOptions(common, parse) is not { } options || EngineFactory.TryCreateAuditIntegrity(options) is not { } integrity)
            {
                return EngineFactory.ConfigurationError;
            }

            // Before anything is spawned: the server's signed manifest and the npm package it would run (docs/TRUST.md).
            var (launch, manifestBaseline) = LaunchGate.Check(options, options.ServerId, argv, options.Trust.Manifest);
            if (!launch.Start)
            {
                await LaunchGate.AuditRefusalAsync(options, integrity, [launch]);
                return EngineFactory.ConfigurationError;
            }

            // The server starts first, so that its own start-up overlaps with loading the rules.
            StdioUpstream upstream;
            try
            {
                upstream = StdioUpstream.Start(argv);
            }
            catch (UpstreamStartException ex)
            {
                Console.Error.WriteLine($"[vanguard] {ex.Message}");
                return 127;
            }

            // The analysers' tables need no configuration. Most are read from the precompiled table image now, and what is
            // left is built beside the rules: started after the spawn, so that nothing competes with the path to the child.
            McpVanguard.Inspection.InspectionEngine.BeginBuildingTables();

            (IReadOnlyList<McpVanguard.Inspection.Rules.Rule>, McpVanguard.Inspection.InspectionEngine)? loaded = null;
            McpVanguard.Integrity.PinStore? pins = null;
            using (KillOnSignal(upstream))
            {
                if (EngineFactory.TryCreatePinStore(options, manifestBaseline: manifestBaseline) is { } store)
                {
                    pins = store;
                    // Read the pin file while the server starts, so the first tools/list compares in memory.
                    _ = Task.Run(store.WarmUp, cancellationToken);
                    loaded = EngineFactory.TryCreateEngine(options, store);
                }
            }

            if (loaded is not var (rules, engine))
            {
                await upstream.DisposeAsync();
                return EngineFactory.ConfigurationError;
            }

            Console.Error.WriteLine(StartupLine.For(options, rules.Count));

            // Off by default: without telemetry.* the OpenTelemetry SDK is never loaded.
            using var telemetry = options.Telemetry.Enabled ? TelemetryStartup.Begin(options.Telemetry, Console.Error) : null;

            // With a JIT, the server child's start-up is the time to compile the common paths. Native AOT has nothing to
            // compile: priming would only build tables beside the child and the handshake on the same cores, so it waits
            // until they are past. Nothing waits for it; a message that needs a table or a regex first builds it itself.
            engine.BeginPriming(McpVanguard.Inspection.InspectionEngine.IsPrecompiled ? McpVanguard.Inspection.InspectionEngine.PrimingDelay : TimeSpan.Zero);
            await using var audit = EngineFactory.CreateAuditSink(options, integrity);
            if (launch.Record is { } unverified)
            {
                audit.Write(unverified);
            }

            var proxy = new StdioProxy(engine, audit, new StdioProxyOptions(options.ServerId, options.ShutdownGrace, options.MaxPendingRequests, options.PendingTimeout, options.AuditAllows, CommandLineSplitter.Join(argv)), Console.Error);
            // Disposed here, after the last message to the agent, never left to the finalizer (AgentStdio says why).
            await using var agentOutput = AgentStdio.OpenOutput();
            var exitCode = await proxy.RunAsync(upstream, argv[0], Console.OpenStandardInput(), agentOutput, cancellationToken);

            // Pins are written in the background; what is still unwritten must not be lost with the process.
            pins?.Flush();
            return exitCode;
        });
        return start;
    }

    /// <summary>The argument that holds the server command given after <c>--</c> (<see cref="CommandLineErrors"/> refuses what it took before <c>--</c>).</summary>
    public static Argument<string[]> ServerCommand(Command start) => start.Arguments.OfType<Argument<string[]>>().Single();

    /// <summary>Until the proxy takes over signal handling, a signal must still take the already started server down with vanguard.</summary>
    private static TerminationSignals KillOnSignal(StdioUpstream upstream)
        => TerminationSignals.Register(_ => upstream.KillTree());
}
