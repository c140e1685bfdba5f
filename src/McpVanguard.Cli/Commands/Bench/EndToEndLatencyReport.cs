using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace McpVanguard.Cli.Commands.Bench;

/// <summary>
/// <c>vanguard bench latency --e2e</c>: rounds of the demo server called directly and through <c>vanguard start</c>
/// (alternating, so a drifting machine weighs on both), pooled per mode, and the difference: the latency vanguard adds.
/// </summary>
internal static class EndToEndLatencyReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string profile, EndToEndLatency.Mix mix, int calls, int rounds, bool json, CancellationToken cancellationToken)
    {
        // Its own empty config, audit log and pins: a measurement must not write into the user's state or read their rules.
        using var sandbox = await DemoSandbox.CreateAsync("bench-e2e", cancellationToken);
        var server = sandbox.Server;
        var proxy = sandbox.Proxy(profile, "bench");
        var runs = new List<EndToEndLatency.Run>();
        async Task MeasureAllAsync(Action? advance)
        {
            for (var round = 0; round < rounds; round++)
            {
                runs.Add(await EndToEndLatency.MeasureAsync("direct", server, mix, calls, advance, cancellationToken));
                runs.Add(await EndToEndLatency.MeasureAsync("through", proxy, mix, calls, advance, cancellationToken));
            }
        }

        if (json || Console.IsOutputRedirected)
        {
            await MeasureAllAsync(null);
        }
        else
        {
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask($"{rounds} × {calls} calls, direct and through vanguard", maxValue: 2.0 * rounds * calls);
                await MeasureAllAsync(() => task.Increment(1));
            });
        }

        Write(runs, profile, mix, json);
        return 0;
    }

    private static void Write(List<EndToEndLatency.Run> runs, string profile, EndToEndLatency.Mix mix, bool json)
    {
        // Per mode: the median over rounds of each round's figure (rounds are separate processes; pooling percentiles would mix them).
        double Median(string mode, Func<EndToEndLatency.Run, double> figure)
        {
            var values = runs.Where(r => r.Mode == mode).Select(figure).Order().ToList();
            return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
        }

        var modes = new[] { "direct", "through" };
        var summary = modes.ToDictionary(m => m, m => (First: Median(m, r => r.FirstAnswerMs), P50: Median(m, r => r.P50Ms), P99: Median(m, r => r.P99Ms)));
        var (direct, through) = (summary["direct"], summary["through"]);
        if (json)
        {
            var document = new JsonObject
            {
                ["profile"] = profile,
                ["mix"] = mix == EndToEndLatency.Mix.Varied ? "varied" : "repeated",
                ["rounds"] = runs.Count / 2,
                ["calls_per_round"] = runs[0].Calls,
                ["direct"] = Figures(direct),
                ["through"] = Figures(through),
                ["added"] = new JsonObject { ["first_answer_ms"] = through.First - direct.First, ["p50_ms"] = through.P50 - direct.P50, ["p99_ms"] = through.P99 - direct.P99 },
                ["runs"] = JsonSerializer.SerializeToNode(runs, CliJsonContext.Default.ListRun),
            };
            Console.Out.WriteLine(document.ToJsonString(Indented));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("", "first answer ms", "p50 ms", "p99 ms");
        table.AddRow("direct", F(direct.First), F(direct.P50), F(direct.P99));
        table.AddRow("through vanguard", F(through.First), F(through.P50), F(through.P99));
        table.AddRow("[bold]added[/]", F(through.First - direct.First), F(through.P50 - direct.P50), F(through.P99 - direct.P99));
        AnsiConsole.Write(table);
        var calls = mix == EndToEndLatency.Mix.Varied ? "run_command 'echo hello N' (every call different)" : "read_file of README.md (one call repeated: L3's loop warning from the 15th)";
        Console.WriteLine($"The demo server's {calls}, {runs[0].Calls} timed calls per round after a warm-up, {runs.Count / 2} rounds (median of rounds), profile {profile}, {Environment.ProcessorCount} cores, .NET {Environment.Version}. First answer: spawn to the first answered call.");

        static JsonObject Figures((double First, double P50, double P99) f) => new() { ["first_answer_ms"] = f.First, ["p50_ms"] = f.P50, ["p99_ms"] = f.P99 };
    }

    private static string F(double milliseconds) => milliseconds.ToString("0.000", CultureInfo.InvariantCulture);
}
