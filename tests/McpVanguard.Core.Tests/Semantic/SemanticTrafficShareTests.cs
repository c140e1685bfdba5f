using McpVanguard.Inspection.Semantic;
using McpVanguard.Policy;
using McpVanguard.Replay;

namespace McpVanguard.Tests.Semantic;

/// <summary>
/// How much everyday traffic the cascade sends to L2 with <c>scope: uncertain</c> (the target is under 5% of messages):
/// the benign corpora of the reference servers and dev tools, and the blind benign evaluation set, replayed with a scorer
/// that counts what it is asked and never flags. The server→agent look-alike sets (text written to resemble attacks) are
/// reported apart: they are hard negatives, not everyday traffic.
/// </summary>
public sealed class SemanticTrafficShareTests
{
    private const double MaximumEverydayShare = 0.05;

    public static IEnumerable<string> EverydayFiles =>
    [
        .. new[] { "benign-dev", "benign-everything", "benign-filesystem", "benign-git-fetch", "benign-memory", "benign-netsql", "benign-rug-pull", "benign-rug-pull-depth2" }
            .Select(n => Path.Combine(RepositoryPaths.Corpus, n + ".jsonl")),
        Path.Combine(RepositoryPaths.Root, "eval", "benign.jsonl"),
    ];

    public static IEnumerable<string> LookAlikeFiles =>
        new[] { "benign-server-to-agent", "benign-server-to-agent-depth", "benign-server-to-agent-depth2", "benign-server-to-agent-holdout" }
            .Select(n => Path.Combine(RepositoryPaths.Corpus, n + ".jsonl"));

    /// <summary>Messages replayed and messages scored over <paramref name="files"/>.</summary>
    internal static async Task<(int Messages, int Scored, int Cases)> Measure(IEnumerable<string> files)
    {
        var scorer = new FakeScorer(0.0);

        // No cache: every message that passes the gate counts, even when its text repeats.
        var stage = new SemanticStage(scorer, SemanticStageTests.Settings() with { CacheSize = 0 });
        using var runner = SemanticStageTests.Runner(stage, Profile.Balanced);
        var messages = 0;
        var cases = 0;
        foreach (var file in files)
        {
            using var reader = File.OpenText(file);
            foreach (var c in ReplayReader.Read(reader))
            {
                cases++;
                messages += c.Steps.Count;
                await runner.RunAsync(c, TestContext.Current.CancellationToken);
            }
        }

        return (messages, scorer.Requests.Count, cases);
    }

    [Fact]
    public async Task Under_five_percent_of_everyday_messages_reach_the_scorer()
    {
        var (messages, scored, cases) = await Measure(EverydayFiles);
        var (lookAlikeMessages, lookAlikeScored, lookAlikeCases) = await Measure(LookAlikeFiles);
        var summary = $"everyday: {scored}/{messages} messages scored ({(double)scored / messages:P1}, {cases} cases); look-alikes: {lookAlikeScored}/{lookAlikeMessages} ({(double)lookAlikeScored / lookAlikeMessages:P1}, {lookAlikeCases} cases)";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Console.Error.WriteLine("[l2-share] " + summary);

        Assert.True(messages > 500, summary);
        Assert.True((double)scored / messages < MaximumEverydayShare, summary);
    }
}
