using System.Text.Json;
using McpVanguard.Inspection.Semantic;

namespace McpVanguard.Tests.Semantic;

/// <summary>
/// Which kinds of server text the instruction pre-test lets through to L2, measured on the head's own written training
/// data (<c>semantic/data/*.jsonl</c>, never the held-out paraphrase set): the premise of scoring every server metadata
/// text and server request under <c>scope: uncertain</c>, while results still need the pre-test.
/// </summary>
public sealed class CascadeCoverageTests
{
    private sealed record Text(string Subject, string Label, string Body);

    private static List<Text> WrittenTexts()
    {
        var texts = new List<Text>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "semantic", "data"), "*.jsonl"))
        {
            foreach (var line in File.ReadLines(file).Where(static l => l.Trim().Length > 0))
            {
                var row = JsonDocument.Parse(line).RootElement;
                texts.Add(new Text(row.GetProperty("subject").GetString()!, row.GetProperty("label").GetString()!, row.GetProperty("text").GetString()!));
            }
        }

        return texts;
    }

    [Fact]
    public void The_pre_test_misses_most_paraphrased_attacks_in_server_metadata_and_server_requests()
    {
        var texts = WrittenTexts();
        var lines = new List<string>();
        var rates = new Dictionary<(string, string), double>();
        foreach (var group in texts.Where(static t => t.Subject != "ToolCall").GroupBy(static t => (t.Subject, t.Label)).OrderBy(static g => g.Key))
        {
            var passed = group.Count(static t => InstructionCues.Present(t.Body));
            var steers = group.Count(static t => InstructionCues.Steers(t.Body));
            rates[group.Key] = (double)passed / group.Count();
            lines.Add($"{group.Key.Subject} {group.Key.Label}: {passed}/{group.Count()} pass the pre-test, {steers} carry a steering concept");
        }

        var summary = string.Join("\n", lines);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Console.Error.WriteLine("[l2-coverage]\n" + summary);

        // Metadata and server requests: the pre-test lets less than half of the written attacks reach the model.
        Assert.True(rates[("ToolDescription", "attack")] < 0.5, summary);
        Assert.True(rates[("ServerRequest", "attack")] < 0.5, summary);
        Assert.True(rates[("ServerInstructions", "attack")] < 0.5, summary);
    }
}
