using System.CommandLine;
using System.Globalization;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Protocol;
using Spectre.Console;

namespace McpVanguard.Cli.Commands.Bench;

/// <summary>
/// <c>vanguard bench latency</c>: the agent→server relay step split by layer (parse, L0 canonicalisation and evasion, L1
/// signatures, analysers, L2/L3 stages when configured, the whole pipeline), p50/p99 and allocations per call over a
/// standard message mix, in this process, with the engine <c>vanguard start</c> composes.
/// </summary>
internal static class LatencyBenchCommand
{
    private const int InvalidInput = 2;

    public static Command Create()
    {
        var common = new CommonOptions();
        var iterations = new Option<int>("--iterations") { Description = "Measured calls per message and layer (default 2000).", DefaultValueFactory = _ => 2000 };
        var markdown = new Option<bool>("--markdown") { Description = "A Markdown table (docs/SECURITY-RESULTS.md)." };
        var e2e = new Option<bool>("--e2e") { Description = "Measure from outside instead: the official SDK client calls the bundled demo server directly and through 'vanguard start' (first answer from spawn, p50/p99 per call)." };
        var calls = new Option<int>("--calls") { Description = "With --e2e: timed calls per mode and round (default 1000).", DefaultValueFactory = _ => 1000 };
        var mix = new Option<string>("--mix")
        {
            Description = "With --e2e: 'varied' (default) times run_command 'echo hello N', every call different as an agent's are; 'repeated' times one identical read_file, which L3 warns about as a loop from the 15th call (the warn path).",
            DefaultValueFactory = _ => "varied",
        };
        mix.AcceptOnlyFromAmong("varied", "repeated");
        var rounds = new Option<int>("--rounds") { Description = "With --e2e: rounds, direct and through alternating, pooled (default 2).", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "With --e2e: the figures as JSON." };
        var command = new Command("latency", HelpText.With(
            "Time each layer of the relay step (parse, L0, L1, analysers, L2/L3) on a standard message mix: p50/p99 and allocations, in process. "
                + "With --e2e, the latency a user feels: the demo server called by the SDK client directly and through 'vanguard start' (built-in rules, the chosen profile).",
            "vanguard bench latency",
            "vanguard bench latency --iterations 5000 --markdown",
            "vanguard bench latency --e2e --calls 1000 --rounds 2",
            "vanguard bench latency --e2e --mix repeated",
            "vanguard bench latency --e2e --json")) { iterations, markdown, e2e, calls, rounds, mix, json };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(e2e))
            {
                if (parse.GetValue(calls) is < 10 or > 1_000_000 || parse.GetValue(rounds) is < 1 or > 100)
                {
                    Console.Error.WriteLine("vanguard bench latency: --calls must be between 10 and 1000000 and --rounds between 1 and 100.");
                    return InvalidInput;
                }

                string profile;
                try
                {
                    profile = common.Load(parse, []).Profile.ToString().ToLowerInvariant();
                }
                catch (McpVanguard.Configuration.ConfigurationException ex)
                {
                    Console.Error.WriteLine($"vanguard bench latency: {string.Join("; ", ex.Errors)}");
                    return EngineFactory.ConfigurationError;
                }

                var chosen = parse.GetValue(mix) == "repeated" ? EndToEndLatency.Mix.Repeated : EndToEndLatency.Mix.Varied;
                return await EndToEndLatencyReport.RunAsync(profile, chosen, parse.GetValue(calls), parse.GetValue(rounds), parse.GetValue(json), cancellationToken);
            }

            var n = parse.GetValue(iterations);
            if (n is < 10 or > 1_000_000)
            {
                Console.Error.WriteLine("vanguard bench latency: --iterations must be between 10 and 1000000.");
                return InvalidInput;
            }

            var pins = McpVanguard.Integrity.PinStore.InMemory();
            if (EngineFactory.TryCreate(common, parse, pins) is not var (options, _, engine))
            {
                return EngineFactory.ConfigurationError;
            }

            var layers = await MeasureAsync(engine, options.Profile, n, cancellationToken);
            if (parse.GetValue(markdown))
            {
                Console.Out.Write(Markdown(layers, options.Profile, n));
            }
            else
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumns("layer", "p50 µs", "p99 µs", "bytes/call");
                foreach (var l in layers)
                {
                    table.AddRow(Markup.Escape(l.Layer), F(l.Percentile(0.50)), F(l.Percentile(0.99)), l.BytesPerCall.ToString(CultureInfo.InvariantCulture));
                }

                AnsiConsole.Write(table);
                Console.WriteLine($"{LatencyMix.Messages.Count} agent→server messages and {ServerToAgentLatency.Mix.Count} server→agent answers × {n} calls per layer, profile {options.Profile.ToString().ToLowerInvariant()}, {Environment.ProcessorCount} cores, .NET {Environment.Version}.");
            }

            return 0;
        });
        return command;
    }

    /// <summary>Each layer called on its own over the mix after a warm-up; the whole pipeline last (it includes the policy step).</summary>
    private static async Task<IReadOnlyList<LayerTimings>> MeasureAsync(InspectionEngine engine, McpVanguard.Policy.Profile profile, int iterations, CancellationToken cancellationToken)
    {
        var parse = new LayerTimings("parse (JSON-RPC, strict)");
        var walk = new LayerTimings("L0 walk + canonicalise");
        var evasion = new LayerTimings("L0 evasion (PRE-000)");
        var signatures = new LayerTimings("L1 signatures (YAML rules)");
        var analysers = new LayerTimings("analysers (shell, paths, SSRF, SQL, secrets, injection…)");
        var stages = engine.AgentToServer.Stages.Select(s => (Stage: s, Timings: new LayerTimings($"stage {s.Id}"))).ToList();
        var whole = new LayerTimings("whole agent→server pipeline (inspectors, stages, policy)");
        var pipeline = engine.AgentToServer;

        foreach (var (name, frame) in LatencyMix.Messages)
        {
            if (!McpMessageParser.TryParse(frame, engine.Limits.MaxDepth, out var parsed, out _))
            {
                throw new InvalidOperationException($"the latency mix message '{name}' does not parse");
            }

            using var message = parsed!;
            ArgumentWalker.TryWalk(message.Params, engine.Limits, out var strings, out _);
            var context = new InspectionContext { Message = message, Direction = Direction.AgentToServer, SessionId = "bench", ServerId = "default", Profile = profile, Strings = strings };
            var findings = new List<Finding>();
            for (var round = 0; round < 2; round++)
            {
                // Round 0 warms the JIT, the lazily built automata and the caches; only round 1 is kept.
                var count = round == 0 ? Math.Min(200, iterations) : iterations;
                var keep = round == 1;
                for (var i = 0; i < count; i++)
                {
                    Sample(keep, parse, () =>
                    {
                        McpMessageParser.TryParse(frame, engine.Limits.MaxDepth, out var m, out _);
                        m!.Dispose();
                    });
                    Sample(keep, walk, () => ArgumentWalker.TryWalk(message.Params, engine.Limits, out _, out _));
                    foreach (var inspector in pipeline.Inspectors)
                    {
                        var layer = inspector.Id switch { "PRE-000" => evasion, "L1-RULES" => signatures, _ => analysers };
                        findings.Clear();
                        Sample(keep, layer, () => inspector.Inspect(context, findings));
                    }

                    foreach (var (stage, timings) in stages)
                    {
                        findings.Clear();
                        if (keep)
                        {
                            await timings.MeasureAsync(() => stage.InspectAsync(context, findings, cancellationToken));
                        }
                        else
                        {
                            await stage.InspectAsync(context, findings, cancellationToken);
                        }
                    }

                    Sample(keep, whole, () => pipeline.Inspect(context));
                }
            }
        }

        // What servers send back, through the real relay (the answers reach the agent's side of a session).
        var serverToAgent = await ServerToAgentLatency.MeasureAsync(engine, iterations, cancellationToken);
        return [parse, walk, evasion, signatures, analysers, .. stages.Select(s => s.Timings), whole, .. serverToAgent];
    }

    private static void Sample(bool keep, LayerTimings timings, Action action)
    {
        if (keep)
        {
            timings.Measure(action);
        }
        else
        {
            action();
        }
    }

    private static string Markdown(IReadOnlyList<LayerTimings> layers, McpVanguard.Policy.Profile profile, int iterations)
    {
        var s = new System.Text.StringBuilder();
        s.Append("| layer | p50 µs | p99 µs | bytes allocated per call |\n|---|---:|---:|---:|\n");
        foreach (var l in layers)
        {
            s.Append(CultureInfo.InvariantCulture, $"| {l.Layer} | {F(l.Percentile(0.50))} | {F(l.Percentile(0.99))} | {l.BytesPerCall} |\n");
        }

        s.Append(CultureInfo.InvariantCulture, $"\n{LatencyMix.Messages.Count} agent→server messages ({string.Join(", ", LatencyMix.Messages.Select(m => m.Name))}) × {iterations} calls per layer; profile {profile.ToString().ToLowerInvariant()}; {Environment.ProcessorCount} cores; .NET {Environment.Version}. Analyser rows are per analyser call.\n");
        return s.ToString();
    }

    private static string F(double micros) => micros.ToString("0.00", CultureInfo.InvariantCulture);
}
