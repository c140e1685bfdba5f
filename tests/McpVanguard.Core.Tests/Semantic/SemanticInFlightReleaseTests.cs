using McpVanguard.Configuration;
using McpVanguard.Inspection.Semantic;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Semantic;

/// <summary>
/// The single-flight entry of a provider call is always released — answered, failed, timed out, abandoned by its caller,
/// or held by a scorer that ignores cancellation — so a text whose call went wrong is scored afresh next time.
/// </summary>
public sealed class SemanticInFlightReleaseTests
{
    private static readonly object WarnedCall = SemanticStageTests.Call("read_file", new { path = "../notes.txt" });

    private static SemanticSettings ShortDeadline() => SemanticStageTests.Settings() with { Timeout = TimeSpan.FromMilliseconds(100), CacheSize = 0 };

    private static async Task<McpVanguard.Replay.ReplayResult> Run(SemanticStage stage, CancellationToken cancellationToken)
    {
        using var runner = SemanticStageTests.Runner(stage, Profile.Balanced);
        return await runner.RunAsync(SemanticStageTests.Case(WarnedCall), cancellationToken);
    }

    /// <summary>Waits (bounded) for the stage's in-flight table to empty; the release happens on the call's own deadline, not the caller's.</summary>
    private static async Task<int> InFlightAfterRelease(SemanticStage stage)
    {
        for (var i = 0; i < 500 && stage.CallsInFlight > 0; i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return stage.CallsInFlight;
    }

    [Fact]
    public async Task A_scorer_that_ignores_cancellation_times_out_and_its_entry_is_released()
    {
        var never = new TaskCompletionSource<SemanticScore>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var scorer = new FakeScorer((_, _) => Interlocked.Increment(ref calls) == 1 ? never.Task : Task.FromResult(new SemanticScore(0.95, "injection", "second call")));
        var stage = new SemanticStage(scorer, ShortDeadline());

        var first = await Run(stage, TestContext.Current.CancellationToken);
        Assert.Equal("timeout", Assert.Single(first.Semantic).Outcome);
        Assert.Equal(0, await InFlightAfterRelease(stage));

        // The same text again: a new call is made (the stuck one no longer holds the key) and its score decides.
        var second = await Run(stage, TestContext.Current.CancellationToken);
        Assert.Equal(2, scorer.Requests.Count);
        Assert.Equal(["block"], second.Steps);
        Assert.Equal("scored", Assert.Single(second.Semantic).Outcome);
    }

    [Fact]
    public async Task A_scorer_that_throws_releases_its_entry()
    {
        var scorer = new FakeScorer((_, _) => throw new InvalidOperationException("boom"));
        var stage = new SemanticStage(scorer, ShortDeadline());

        var result = await Run(stage, TestContext.Current.CancellationToken);

        Assert.Equal("error", Assert.Single(result.Semantic).Outcome);
        Assert.Equal(0, await InFlightAfterRelease(stage));
    }

    [Fact]
    public async Task A_caller_cancelled_mid_call_leaves_no_entry_once_the_call_ends()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scorer = new FakeScorer(async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return new SemanticScore(0.1, "benign", "unreachable");
        });
        var stage = new SemanticStage(scorer, ShortDeadline() with { Timeout = TimeSpan.FromSeconds(2) });
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var run = Run(stage, caller.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(0, await InFlightAfterRelease(stage));
    }
}
