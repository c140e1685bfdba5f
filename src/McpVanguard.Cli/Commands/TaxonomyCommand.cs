using System.CommandLine;
using System.Text.Json;
using McpVanguard.Replay;
using McpVanguard.Taxonomy;
using Spectre.Console;

namespace McpVanguard.Cli.Commands;

/// <summary><c>vanguard taxonomy [--json|--markdown] [--corpus DIR]</c>: the 38 MCP-38 threats, what covers each here, its status and measured recall.</summary>
internal static class TaxonomyCommand
{
    private const int InvalidInput = 2;

    public static Command Create()
    {
        var common = new CommonOptions();
        var json = new Option<bool>("--json") { Description = "One JSON document instead of the table." };
        var markdown = new Option<bool>("--markdown") { Description = "The Markdown page docs/TAXONOMY.md is generated from." };
        var corpus = new Option<string?>("--corpus") { Description = "Replay this corpus directory (*.jsonl but strict-only*) and show the recall of each threat." };
        var command = new Command("taxonomy", HelpText.With(
            "List the MCP-38 threats: what covers each (rules, detectors, controls), its status and, with --corpus, the recall measured.",
            "vanguard taxonomy",
            "vanguard taxonomy --corpus corpus",
            "vanguard taxonomy --markdown --corpus corpus > docs/TAXONOMY.md",
            "vanguard taxonomy --json | jq '.threats[] | select(.status != \"covered\") | .id'")) { json, markdown, corpus };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(json) && parse.GetValue(markdown))
            {
                Console.Error.WriteLine("vanguard taxonomy: --json and --markdown exclude each other.");
                return InvalidInput;
            }

            var pins = McpVanguard.Integrity.PinStore.InMemory();
            var clock = new ReplayClock();
            if (EngineFactory.TryCreate(common, parse, pins, clock) is not var (options, rules, engine))
            {
                return EngineFactory.ConfigurationError;
            }

            IReadOnlyList<ReplayResult>? results = null;
            string? recallSource = null;
            if (parse.GetValue(corpus) is { } directory)
            {
                if (!Directory.Exists(directory))
                {
                    Console.Error.WriteLine($"vanguard taxonomy: corpus directory '{directory}' does not exist.");
                    return InvalidInput;
                }

                var files = CorpusReplay.DefaultFiles(directory);
                using var runner = new ReplayRunner(engine, pins, clock);
                try
                {
                    results = (await CorpusReplay.RunAsync(runner, files, cancellationToken)).Select(r => r.Result).ToList();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"vanguard taxonomy: {ex.Message}");
                    return InvalidInput;
                }

                recallSource = TaxonomyMarkdown.RecallSource(directory, files.Count, options.Profile);
            }

            var rows = TaxonomyReport.Build(rules, results);
            if (parse.GetValue(markdown))
            {
                Console.Out.Write(TaxonomyMarkdown.Write(rows, recallSource));
            }
            else if (parse.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
                TaxonomyJson.Write(writer, rows, recallSource);
                writer.Flush();
                stdout.WriteByte((byte)'\n');
            }
            else
            {
                PrintTable(rows, recallSource);
            }

            return 0;
        });
        return command;
    }

    private static void PrintTable(IReadOnlyList<TaxonomyRow> rows, string? recallSource)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "threat", "status", "recall", "rules and findings", "controls");
        foreach (var r in rows)
        {
            var status = r.Status switch
            {
                CoverageStatus.Covered => "[green]covered[/]",
                CoverageStatus.Partial => "[yellow]partial[/]",
                CoverageStatus.NotApplicable => "[grey]n/a to a proxy[/]",
                _ => "[red]gap[/]",
            };
            var recall = r.Recall is { } m ? $"{m.Rate:0.000} ({m.Caught}/{m.Attacks})" : "–";
            var ids = r.PrimaryRules.Concat(r.SecondaryRules.Select(s => s + "*")).ToList();
            table.AddRow(r.Threat.Id, Markup.Escape(r.Threat.Name), status, recall, Markup.Escape(ids.Count == 0 ? "–" : string.Join(", ", ids)), Markup.Escape(string.Join("; ", r.Controls)));
        }

        AnsiConsole.Write(table);
        Console.WriteLine("* secondary threat of that rule. " + (recallSource is null ? "Recall: give --corpus DIR." : "Recall " + recallSource));
        Console.WriteLine($"{Mcp38.Source}; {OwaspMcpTop10.Edition}. Notes on each threat: vanguard taxonomy --markdown (docs/TAXONOMY.md).");
    }
}
