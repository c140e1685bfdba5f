using McpVanguard.Inspection.Semantic;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Semantic;

/// <summary>The score cache (shared, bounded, expiring), single flight and the circuit breaker.</summary>
public sealed class SemanticCacheTests
{
    private static readonly object WarnedCall = SemanticStageTests.Call("read_file", new { path = "../notes.txt" });

    private static async Task<McpVanguard.Replay.ReplayResult> Run(SemanticStage stage, params object[] steps)
    {
        using var runner = SemanticStageTests.Runner(stage, Profile.Balanced);
        return await runner.RunAsync(SemanticStageTests.Case(steps), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_same_text_is_scored_once_across_sessions_and_the_cached_score_decides_the_same()
    {
        var scorer = new FakeScorer(0.9);
        var stage = new SemanticStage(scorer, SemanticStageTests.Settings());

        var first = await Run(stage, WarnedCall);
        var second = await Run(stage, WarnedCall);

        Assert.Single(scorer.Requests);
        Assert.Equal(1, stage.ProviderCalls);
        Assert.Equal(["block"], second.Steps);
        Assert.Equal(("scored", "cached"), (Assert.Single(first.Semantic).Outcome, Assert.Single(second.Semantic).Outcome));
    }

    [Fact]
    public async Task A_cached_score_expires_after_its_ttl()
    {
        var clock = new ManualClock();
        var scorer = new FakeScorer(0.9);
        var stage = new SemanticStage(scorer, SemanticStageTests.Settings() with { CacheTtl = TimeSpan.FromMinutes(1) }, clock);

        await Run(stage, WarnedCall);
        clock.Advance(TimeSpan.FromMinutes(2));
        await Run(stage, WarnedCall);

        Assert.Equal(2, scorer.Requests.Count);
    }

    [Fact]
    public async Task The_cache_holds_at_most_its_size_dropping_the_least_recently_used()
    {
        var scorer = new FakeScorer(0.9);
        var stage = new SemanticStage(scorer, SemanticStageTests.Settings() with { CacheSize = 2 });
        object Call(string name) => SemanticStageTests.Call("read_file", new { path = $"../{name}.txt" });

        await Run(stage, Call("a"));
        await Run(stage, Call("b"));
        await Run(stage, Call("a"));
        await Run(stage, Call("c"));
        await Run(stage, Call("a"));
        await Run(stage, Call("b"));

        // a, b, c scored; a was used after b, so c pushed b out: b is scored again, a is not.
        Assert.Equal(4, scorer.Requests.Count);
    }

    [Fact]
    public async Task Concurrent_messages_with_the_same_text_share_one_provider_call()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scorer = new FakeScorer(async (_, _) =>
        {
            await release.Task;
            return new SemanticScore(0.9, "injection", "shared");
        });
        var stage = new SemanticStage(scorer, SemanticStageTests.Settings());

        // Eight sessions (one runner each) send the same call at once; the first call is held until all have started.
        var runs = Enumerable.Range(0, 8).Select(_ => Run(stage, WarnedCall)).ToArray();
        while (scorer.Requests.IsEmpty)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        await Task.Delay(200, TestContext.Current.CancellationToken);
        release.SetResult();
        var results = await Task.WhenAll(runs);

        Assert.Single(scorer.Requests);
        Assert.All(results, r => Assert.Equal(["block"], r.Steps));
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit_and_a_trial_after_the_pause_closes_it()
    {
        var clock = new ManualClock();
        var failing = true;
        var scorer = new FakeScorer((_, _) => failing ? throw new SemanticProviderException("the provider answered HTTP 503") : Task.FromResult(new SemanticScore(0.1, "benign", "ok")));
        var stage = new SemanticStage(scorer, SemanticStageTests.Settings() with { CacheSize = 0 }, clock);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("error", Assert.Single((await Run(stage, WarnedCall)).Semantic).Outcome);
        }

        var open = await Run(stage, WarnedCall);
        Assert.Equal("circuit-open", Assert.Single(open.Semantic).Outcome);
        Assert.Equal(5, scorer.Requests.Count);

        failing = false;
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Empty((await Run(stage, WarnedCall)).Semantic);
        Assert.Empty((await Run(stage, WarnedCall)).Semantic);
        Assert.Equal(7, scorer.Requests.Count);
    }

    [Fact]
    public async Task A_429_with_Retry_After_opens_the_circuit_at_once_for_that_long()
    {
        var clock = new ManualClock();
        var scorer = new FakeScorer((_, _) => throw new SemanticProviderException("rate limited", TimeSpan.FromSeconds(90)));
        var stage = new SemanticStage(scorer, SemanticStageTests.Settings() with { CacheSize = 0 }, clock);

        await Run(stage, WarnedCall);
        clock.Advance(TimeSpan.FromSeconds(60));
        var paused = await Run(stage, WarnedCall);
        clock.Advance(TimeSpan.FromSeconds(31));
        await Run(stage, WarnedCall);

        Assert.Equal("circuit-open", Assert.Single(paused.Semantic).Outcome);
        Assert.Equal(2, scorer.Requests.Count);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
