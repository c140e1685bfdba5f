using McpVanguard.Inspection.Semantic;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Semantic;

/// <summary>What a message gets when L2 cannot score it (timeout, error, open circuit), per profile, and how it is audited.</summary>
public sealed class SemanticFailurePolicyTests
{
    private static readonly object WarnedCall = SemanticStageTests.Call("read_file", new { path = "../notes.txt" });

    private static readonly object[] InstructionResult = [SemanticStageTests.Call("weather", new { city = "Lisbon" }), SemanticStageTests.Result(SemanticStageTests.SteeringResult)];

    private static async Task<McpVanguard.Replay.ReplayResult> Run(ISemanticScorer scorer, Profile profile, params object[] steps)
    {
        var stage = new SemanticStage(scorer, SemanticStageTests.Settings(profile) with { Timeout = TimeSpan.FromMilliseconds(200) });
        using var runner = SemanticStageTests.Runner(stage, profile);
        return await runner.RunAsync(SemanticStageTests.Case(steps), TestContext.Current.CancellationToken);
    }

    private static FakeScorer Hanging() => new(async (_, token) =>
    {
        await Task.Delay(Timeout.Infinite, token);
        throw new InvalidOperationException("unreachable");
    });

    private static FakeScorer Failing() => new((_, _) => throw new SemanticProviderException("the provider answered HTTP 500"));

    [Theory]
    [InlineData(Profile.Monitor, "allow")]
    [InlineData(Profile.Balanced, "warn")]
    [InlineData(Profile.Strict, "block")]
    public async Task A_timeout_on_server_text_L1_did_not_warn_about_follows_the_profile(Profile profile, string expected)
    {
        var result = await Run(Hanging(), profile, InstructionResult);

        Assert.Equal(expected, result.Steps[^1]);
        Assert.Contains(SemanticStage.UnavailableRule, result.Rules);
        var evidence = Assert.Single(result.Semantic);
        Assert.Equal("timeout", evidence.Outcome);
        Assert.Null(evidence.Score);
    }

    [Theory]
    [InlineData(Profile.Monitor, "warn")]
    [InlineData(Profile.Balanced, "block")]
    [InlineData(Profile.Strict, "block")]
    public async Task An_error_on_a_message_L1_warned_about_blocks_under_balanced(Profile profile, string expected)
    {
        var result = await Run(Failing(), profile, WarnedCall);

        Assert.Equal([expected], result.Steps);
        var evidence = Assert.Single(result.Semantic);
        Assert.Equal("error", evidence.Outcome);
        Assert.Contains("HTTP 500", evidence.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_score_outside_zero_to_one_is_an_error_not_a_verdict()
    {
        var result = await Run(new FakeScorer(double.NaN), Profile.Strict, WarnedCall);

        Assert.Equal("error", Assert.Single(result.Semantic).Outcome);
        Assert.DoesNotContain(SemanticStage.ScoreRule, result.Rules);
    }
}
