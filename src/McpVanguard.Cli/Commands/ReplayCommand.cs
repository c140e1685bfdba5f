using System.CommandLine;
using McpVanguard.Replay;
using Spectre.Console;

namespace McpVanguard.Cli.Commands;

/// <summary><c>vanguard replay FILE [--profile P] [--json]</c>, exactly as REPLAY-FORMAT.md specifies.</summary>
internal static class ReplayCommand
{
    /// <summary>Exit status for an unreadable file or an invalid case.</summary>
    private const int InvalidInput = 2;

    public static Command Create()
    {
        var common = new CommonOptions();
        var file = new Argument<string>("file") { Description = "A JSON Lines replay file." };
        var json = new Option<bool>("--json") { Description = "One JSON line per case instead of the summary." };
        var replay = new Command("replay", "Replay recorded MCP conversations through the pipeline and score detection.") { file, json };
        // Replay never audits and keeps its pins in memory: the options naming those files are accepted (scripts pass
        // them) but not shown, since they change nothing here.
        common.AddTo(replay, withSessionFiles: false);
        replay.SetAction(async (parse, cancellationToken) =>
        {
            // One in-memory pin store for the run, emptied by the runner before each case: rug pulls inside a case are
            // measured, and the user's pin file is never read or changed by a replay.
            var pins = McpVanguard.Integrity.PinStore.InMemory();
            // L3 windows run on the replay's clock: every case starts at the same instant, steps' at_ms move it.
            var clock = new ReplayClock();
            if (EngineFactory.TryCreate(common, parse, pins, clock) is not var (_, _, engine))
            {
                return EngineFactory.ConfigurationError;
            }

            IReadOnlyList<ReplayCase> cases;
            var path = parse.GetValue(file)!;
            try
            {
                using var reader = path == "-" ? Console.In : File.OpenText(path);
                cases = ReplayReader.Read(reader);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"vanguard replay: cannot read '{path}': {ex.Message}");
                return InvalidInput;
            }
            catch (ReplayFormatException ex)
            {
                Console.Error.WriteLine($"vanguard replay: {path}: {ex.Message}");
                return InvalidInput;
            }

            using var runner = new ReplayRunner(engine, pins, clock);
            var results = new List<ReplayResult>(cases.Count);
            foreach (var c in cases)
            {
                var result = await runner.RunAsync(c, cancellationToken);
                results.Add(result);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(ReplayOutput.ToJsonLine(result));
                }
                else
                {
                    foreach (var warning in result.Warnings)
                    {
                        Console.Error.WriteLine($"vanguard replay: {path}: line {c.Line}, case '{c.Id}', {warning}.");
                    }
                }
            }

            if (!parse.GetValue(json))
            {
                PrintSummary(results);
            }

            return 0;
        });
        return replay;
    }

    private static void PrintSummary(IReadOnlyList<ReplayResult> results)
    {
        var report = ReplayReport.Of(results);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("category", "cases", "caught", "missed", "false pos.", "precision", "recall", "p50 µs", "p95 µs");
        foreach (var s in report.Categories.Append(report.Total))
        {
            table.AddRow(
                Markup.Escape(s.Category), s.Cases.ToString(), s.Caught.ToString(), Color(s.Missed, "red"), Color(s.FalsePositives, "yellow"),
                s.Precision.ToString("0.000"), s.Recall.ToString("0.000"), s.LatencyP50.ToString("0.0"), s.LatencyP95.ToString("0.0"));
        }

        AnsiConsole.Write(table);
        foreach (var r in results.Where(r => !r.Correct))
        {
            var kind = r.Case.ExpectBlock ? "[red]missed[/]" : "[yellow]false positive[/]";
            var wrongSteps = r.WrongSteps.Count > 0 ? $" wrong steps={string.Join(",", r.WrongSteps)}" : "";
            AnsiConsole.MarkupLine($"{kind} {Markup.Escape(r.Case.Id)} ({Markup.Escape(r.Case.Category)}) steps={Markup.Escape(string.Join(",", r.Steps))} rules={Markup.Escape(string.Join(",", r.Rules))}{wrongSteps}");
        }

        var t = report.Total;
        Console.WriteLine($"{t.Cases} cases ({t.Attacks} attacks, {t.Benign} benign): {t.Caught} caught, {t.Missed} missed, {t.FalsePositives} false positives; recall {t.Recall:0.000}, false-positive rate {t.FalsePositiveRate:0.000}, precision {t.Precision:0.000}");
    }

    private static string Color(int value, string color) => value == 0 ? "0" : $"[{color}]{value}[/]";
}
