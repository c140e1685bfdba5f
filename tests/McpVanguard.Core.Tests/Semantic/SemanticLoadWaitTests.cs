using McpVanguard.Inspection.Semantic;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Semantic;

/// <summary>
/// A scorer that loads a model first (the embedded one takes seconds): a message scored during the load waits for it, up
/// to <c>semantic.load_timeout_ms</c>, and only then does its own <c>semantic.timeout_ms</c> start. A model that never
/// loads, or fails to, is audited as L2-002 with its own outcome and meets the profile's failure policy.
/// </summary>
public sealed class SemanticLoadWaitTests
{
    private static readonly object[] InstructionResult = [SemanticStageTests.Call("weather", new { city = "Lisbon" }), SemanticStageTests.Result(SemanticStageTests.SteeringResult)];

    private static SemanticStage Stage(ISemanticScorer scorer, Profile profile, TimeSpan loadTimeout)
        => new(scorer, SemanticStageTests.Settings(profile) with { Timeout = TimeSpan.FromMilliseconds(200), LoadTimeout = loadTimeout });

    private static async Task<McpVanguard.Replay.ReplayResult> Run(SemanticStage stage, Profile profile)
    {
        using var runner = SemanticStageTests.Runner(stage, profile, waitForModel: false);
        return await runner.RunAsync(SemanticStageTests.Case(InstructionResult), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_message_scored_during_a_load_longer_than_its_deadline_waits_and_is_scored_under_strict()
    {
        var load = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scorer = new FakeScorer(0.1) { Ready = load.Task };
        var stage = Stage(scorer, Profile.Strict, TimeSpan.FromMinutes(2));

        var run = Run(stage, Profile.Strict);
        // The load outlasts the 200 ms per-message deadline five times over; before, strict blocked this harmless result.
        await Task.Delay(1_000, TestContext.Current.CancellationToken);
        Assert.False(run.IsCompleted, "the message did not wait for the load");
        load.SetResult();
        var result = await run;

        Assert.Equal("allow", result.Steps[^1]);
        Assert.DoesNotContain(SemanticStage.UnavailableRule, result.Rules);
        Assert.Single(scorer.Requests);
    }

    [Theory]
    [InlineData(Profile.Monitor, "allow")]
    [InlineData(Profile.Balanced, "warn")]
    [InlineData(Profile.Strict, "block")]
    public async Task A_model_that_does_not_load_in_time_is_audited_as_load_timeout_under_the_profile(Profile profile, string expected)
    {
        var scorer = new FakeScorer(0.1) { Ready = new TaskCompletionSource().Task };
        var stage = Stage(scorer, profile, TimeSpan.FromMilliseconds(300));

        var result = await Run(stage, profile);

        Assert.Equal(expected, result.Steps[^1]);
        Assert.Contains(SemanticStage.UnavailableRule, result.Rules);
        var evidence = Assert.Single(result.Semantic);
        Assert.Equal(SemanticStage.LoadTimeoutOutcome, evidence.Outcome);
        Assert.Contains("did not load within 300 ms", evidence.Reason, StringComparison.Ordinal);
        Assert.Empty(scorer.Requests);
    }

    [Fact]
    public async Task A_model_that_loads_after_its_load_deadline_is_used_from_then_on()
    {
        var load = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scorer = new FakeScorer(0.95) { Ready = load.Task };
        var stage = Stage(scorer, Profile.Balanced, TimeSpan.FromMilliseconds(200));

        var early = await Run(stage, Profile.Balanced);
        Assert.Equal(SemanticStage.LoadTimeoutOutcome, Assert.Single(early.Semantic).Outcome);

        load.SetResult();
        var late = await Run(stage, Profile.Balanced);

        Assert.Equal("block", late.Steps[^1]);
        Assert.Contains(SemanticStage.ScoreRule, late.Rules);
        Assert.Equal("scored", Assert.Single(late.Semantic).Outcome);
    }

    [Fact]
    public async Task A_failed_load_is_audited_as_load_failed_naming_the_failure_but_not_its_message()
    {
        var scorer = new FakeScorer(0.1) { Ready = Task.FromException(new FileNotFoundException("/home/someone/.cache/secret-path/model.onnx")) };
        var stage = Stage(scorer, Profile.Strict, TimeSpan.FromMinutes(2));

        var result = await Run(stage, Profile.Strict);

        Assert.Equal("block", result.Steps[^1]);
        var evidence = Assert.Single(result.Semantic);
        Assert.Equal(SemanticStage.LoadFailedOutcome, evidence.Outcome);
        Assert.Contains(nameof(FileNotFoundException), evidence.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path", evidence.Reason, StringComparison.Ordinal);
        Assert.Empty(scorer.Requests);
    }

    [Fact]
    public void The_readiness_reason_says_whether_the_model_is_loading_failed_or_ready()
    {
        var load = new TaskCompletionSource();
        var loading = Stage(new FakeScorer(0.1) { Ready = load.Task }, Profile.Balanced, TimeSpan.FromMinutes(2));
        var failed = Stage(new FakeScorer(0.1) { Ready = Task.FromException(new InvalidOperationException("x")) }, Profile.Balanced, TimeSpan.FromMinutes(2));

        Assert.Contains("is still loading", loading.NotReadyReason(), StringComparison.Ordinal);
        Assert.Contains("failed to load (InvalidOperationException)", failed.NotReadyReason(), StringComparison.Ordinal);
        load.SetResult();
        Assert.Null(loading.NotReadyReason());
        Assert.Null(Stage(new FakeScorer(0.1), Profile.Balanced, TimeSpan.FromMinutes(2)).NotReadyReason());
    }
}
