using McpVanguard.Policy;
using McpVanguard.Replay;

namespace McpVanguard.Tests.Replay;

/// <summary>The project's own corpus under the balanced profile: recall at least 0.97, false-positive rate at most 0.01.</summary>
public sealed class CorpusGateTests
{
    private const double MinimumRecall = 0.97;
    private const double MaximumFalsePositiveRate = 0.01;

    [Fact]
    public async Task Balanced_profile_meets_the_recall_and_false_positive_gates()
    {
        var cases = new List<ReplayCase>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Corpus, "*.jsonl").Where(f => !Path.GetFileName(f).StartsWith("strict-only", StringComparison.Ordinal)).Order())
        {
            using var reader = File.OpenText(file);
            cases.AddRange(ReplayReader.Read(reader));
        }

        Assert.True(cases.Count >= 300, $"corpus has only {cases.Count} cases");
        var runner = new ReplayRunner(TestEngine.Create(Profile.Balanced));
        var results = new List<ReplayResult>();
        foreach (var c in cases)
        {
            results.Add(await runner.RunAsync(c, TestContext.Current.CancellationToken));
        }

        var total = ReplayReport.Of(results).Total;
        var wrong = string.Join(Environment.NewLine, results.Where(r => !r.Correct).Select(r => $"{(r.Case.ExpectBlock ? "missed" : "false positive")}: {r.Case.Id} rules=[{string.Join(",", r.Rules)}]"));
        Assert.True(total.Recall >= MinimumRecall, $"recall {total.Recall:0.000} < {MinimumRecall}{Environment.NewLine}{wrong}");
        Assert.True(total.FalsePositiveRate <= MaximumFalsePositiveRate, $"false-positive rate {total.FalsePositiveRate:0.000} > {MaximumFalsePositiveRate}{Environment.NewLine}{wrong}");
    }

    [Fact]
    public async Task Monitor_profile_forwards_every_message_of_the_corpus()
    {
        var runner = new ReplayRunner(TestEngine.Create(Profile.Monitor));
        foreach (var file in new[] { "filesystem.jsonl", "commands.jsonl", "network.jsonl" })
        {
            using var reader = File.OpenText(Path.Combine(RepositoryPaths.Corpus, file));
            foreach (var c in ReplayReader.Read(reader))
            {
                var result = await runner.RunAsync(c, TestContext.Current.CancellationToken);
                Assert.DoesNotContain("block", result.Steps);
            }
        }
    }
}
