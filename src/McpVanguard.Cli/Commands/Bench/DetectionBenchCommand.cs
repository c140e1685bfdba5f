using System.CommandLine;
using System.Text.Json;
using McpVanguard.Replay;

namespace McpVanguard.Cli.Commands.Bench;

/// <summary>
/// <c>vanguard bench detection [FILES…]</c>: replays corpora under each profile and scores recall per MCP-38 category and
/// false positives per benign set, listing every miss; <c>--baseline FILE</c> exits 1 when a category or set regressed.
/// </summary>
internal static class DetectionBenchCommand
{
    private const int Regressed = 1;
    private const int InvalidInput = 2;

    public static Command Create()
    {
        var common = new CommonOptions();
        var files = new Argument<string[]>("files") { Description = "Replay files (JSON Lines). Default: ./corpus/*.jsonl (strict-only* only under strict).", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON document (the --baseline format)." };
        var markdown = new Option<bool>("--markdown") { Description = "Markdown tables (docs/SECURITY-RESULTS.md)." };
        var baseline = new Option<string?>("--baseline") { Description = "A previous --json output: exit 1 when a category's recall fell or a benign set's false-positive rate rose." };
        var command = new Command("detection", HelpText.With(
            "Replay corpora and score recall and false positives per MCP-38 category and per profile (balanced and strict unless --profile).",
            "vanguard bench detection",
            "vanguard bench detection eval/attacks.jsonl eval/benign.jsonl --profile strict",
            "vanguard bench detection --json > baseline.json",
            "vanguard bench detection --baseline baseline.json   # exit 1 when a category or benign set regressed")) { files, json, markdown, baseline };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(json) && parse.GetValue(markdown))
            {
                Console.Error.WriteLine("vanguard bench detection: --json and --markdown exclude each other.");
                return InvalidInput;
            }

            var given = parse.GetValue(files) ?? [];
            if (given.Length == 0 && !Directory.Exists("corpus"))
            {
                Console.Error.WriteLine("vanguard bench detection: no ./corpus directory here; give replay files.");
                return InvalidInput;
            }

            var missing = given.FirstOrDefault(f => !File.Exists(f));
            if (missing is not null)
            {
                Console.Error.WriteLine($"vanguard bench detection: cannot read '{missing}': no such file.");
                return InvalidInput;
            }

            JsonDocument? before = null;
            if (parse.GetValue(baseline) is { } baselinePath)
            {
                try
                {
                    before = JsonDocument.Parse(File.ReadAllBytes(baselinePath));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
                {
                    Console.Error.WriteLine($"vanguard bench detection: cannot read baseline '{baselinePath}': {ex.Message}");
                    return InvalidInput;
                }
            }

            using var baselineDocument = before;
            var profiles = parse.GetValue(common.Profile) is { } one ? [one] : new[] { "balanced", "strict" };
            var results = new List<ProfileDetection>();
            var replayed = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var profile in profiles)
            {
                var pins = McpVanguard.Integrity.PinStore.InMemory();
                var clock = new ReplayClock();
                var options = EngineFactory.TryLoadOptions(common, parse, new Dictionary<string, object> { ["profile"] = profile });
                if (options is null || EngineFactory.TryCreateEngine(options, pins, clock) is not var (_, engine))
                {
                    return EngineFactory.ConfigurationError;
                }

                var set = given.Length > 0 ? given : CorpusFiles(options.Profile);
                replayed.UnionWith(set);
                using var runner = new ReplayRunner(engine, pins, clock);
                IReadOnlyList<(string, ReplayResult)> run;
                try
                {
                    run = await CorpusReplay.RunAsync(runner, set, cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"vanguard bench detection: {ex.Message}");
                    return InvalidInput;
                }

                results.Add(ProfileDetection.Of(options.Profile.ToString().ToLowerInvariant(), run));
            }

            if (parse.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                DetectionReportWriter.Json(stdout, results, replayed.ToList());
            }
            else if (parse.GetValue(markdown))
            {
                Console.Out.Write(DetectionReportWriter.Markdown(results));
            }
            else
            {
                DetectionReportWriter.Terminal(results);
            }

            if (baselineDocument is null)
            {
                return 0;
            }

            IReadOnlyList<string> regressions;
            try
            {
                regressions = DetectionBaseline.Regressions(baselineDocument, results);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                Console.Error.WriteLine($"vanguard bench detection: baseline is not a bench detection --json document: {ex.Message}");
                return InvalidInput;
            }

            foreach (var r in regressions)
            {
                Console.Error.WriteLine($"regression: {r}");
            }

            return regressions.Count == 0 ? 0 : Regressed;
        });
        return command;
    }

    /// <summary>The default corpus: ./corpus/*.jsonl; the strict-only files expect blocks only under strict.</summary>
    private static IReadOnlyList<string> CorpusFiles(McpVanguard.Policy.Profile profile)
        => profile == McpVanguard.Policy.Profile.Strict
            ? Directory.EnumerateFiles("corpus", "*.jsonl").Order(StringComparer.Ordinal).ToList()
            : CorpusReplay.DefaultFiles("corpus");
}
