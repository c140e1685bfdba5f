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
    /// <param name="cached">With the shipped process-wide cache (repeated text, such as the same tool list in every session, is scored once); without it every message that passes the gate counts.</param>
    internal static async Task<(int Messages, int Scored, int Cases, int ByKindOnly)> Measure(IEnumerable<string> files, bool cached = false)
    {
        var scorer = new FakeScorer(0.0);
        var stage = new SemanticStage(scorer, cached ? SemanticStageTests.Settings() : SemanticStageTests.Settings() with { CacheSize = 0 });
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

        return (messages, scorer.Requests.Count, cases, scorer.Requests.Count(static r => r.ByKindOnly));
    }

    [Fact]
    public async Task Under_five_percent_of_everyday_messages_reach_the_scorer()
    {
        var (messages, scored, cases, byKind) = await Measure(EverydayFiles);
        var (_, scoredCached, _, _) = await Measure(EverydayFiles, cached: true);
        var (lookAlikeMessages, lookAlikeScored, lookAlikeCases, lookAlikeByKind) = await Measure(LookAlikeFiles);
        var summary = $"everyday: {scored}/{messages} messages pass the gate ({(double)scored / messages:P1}, {cases} cases; {byKind} of them server metadata or requests selected for their kind only), "
            + $"{scoredCached}/{messages} reach the scorer with the process-wide cache ({(double)scoredCached / messages:P1}); "
            + $"look-alikes: {lookAlikeScored}/{lookAlikeMessages} ({(double)lookAlikeScored / lookAlikeMessages:P1}, {lookAlikeCases} cases; {lookAlikeByKind} for their kind only)";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Console.Error.WriteLine("[l2-share] " + summary);

        Assert.True(messages > 500, summary);

        // What is scored for its content (warned, listed, or cued): the part that grows with the traffic.
        Assert.True((double)(scored - byKind) / messages < MaximumEverydayShare, summary);

        // As shipped (cache on), what reaches the scorer at all, metadata included.
        Assert.True((double)scoredCached / messages < MaximumEverydayShare, summary);
    }
}
