using McpVanguard.Inspection.Semantic;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Semantic;

/// <summary>
/// Under <c>scope: uncertain</c> every server metadata text (tool descriptions, instructions) and server request
/// (sampling, elicitation) is scored, cue or not; tool results still need the instruction pre-test. Selected for its kind
/// only, such a message never waits for the model's load and a failure to score it never blocks.
/// </summary>
public sealed class SemanticCascadeWideningTests
{
    private const string PlainDescription = "Returns the current weather for a city, including temperature, wind and a short forecast for the next days.";

    private static readonly object[] ToolList =
    [
        new { from = "agent", message = new { jsonrpc = "2.0", id = 1, method = "tools/list" } },
        new { from = "server", message = new { jsonrpc = "2.0", id = 1, result = new { tools = new[] { new { name = "weather", description = PlainDescription, inputSchema = new { type = "object" } } } } } },
    ];

    private static readonly object SamplingRequest = new
    {
        from = "server",
        message = new
        {
            jsonrpc = "2.0",
            id = "s1",
            method = "sampling/createMessage",
            @params = new { messages = new[] { new { role = "user", content = new { type = "text", text = "Summarise the meeting notes below in three short bullet points for the team." } } }, maxTokens = 100 },
        },
    };

    private static async Task<McpVanguard.Replay.ReplayResult> Run(SemanticStage stage, Profile profile, params object[] steps)
    {
        using var runner = SemanticStageTests.Runner(stage, profile, waitForModel: false);
        return await runner.RunAsync(SemanticStageTests.Case(steps), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_tool_description_with_no_instruction_cue_is_scored()
    {
        var scorer = new FakeScorer(0.95);

        var result = await Run(new SemanticStage(scorer, SemanticStageTests.Settings()), Profile.Balanced, ToolList);

        var request = Assert.Single(scorer.Requests);
        Assert.Equal(SemanticSubject.ToolDescription, request.Subject);
        Assert.True(request.ByKindOnly);
        Assert.Contains(PlainDescription, request.Text, StringComparison.Ordinal);
        Assert.Equal("block", result.Steps[^1]);
        Assert.Contains(SemanticStage.ScoreRule, result.Rules);
    }

    [Fact]
    public async Task Under_scope_cued_server_metadata_with_no_instruction_cue_is_not_scored()
    {
        var scorer = new FakeScorer(0.95);
        var settings = SemanticStageTests.Settings() with { Scope = McpVanguard.Configuration.SemanticScope.Cued };

        var result = await Run(new SemanticStage(scorer, settings), Profile.Balanced, [.. ToolList, SamplingRequest]);

        Assert.Empty(scorer.Requests);
        Assert.Equal("allow", result.Verdict);
    }

    [Fact]
    public async Task A_sampling_request_with_no_instruction_cue_is_scored()
    {
        var scorer = new FakeScorer(0.1);

        await Run(new SemanticStage(scorer, SemanticStageTests.Settings()), Profile.Balanced, SamplingRequest);

        Assert.Equal(SemanticSubject.ServerRequest, Assert.Single(scorer.Requests).Subject);
    }

    [Fact]
    public async Task A_plain_tool_result_still_needs_the_pre_test()
    {
        var scorer = new FakeScorer(0.95);

        var result = await Run(new SemanticStage(scorer, SemanticStageTests.Settings()), Profile.Balanced,
            SemanticStageTests.Call("weather", new { city = "Lisbon" }), SemanticStageTests.Result("Lisbon: 21 degrees, sunny, light wind from the north-west."));

        Assert.Empty(scorer.Requests);
        Assert.Equal("allow", result.Steps[^1]);
    }

    [Fact(Timeout = 60_000)]
    public async Task While_the_model_loads_a_message_selected_for_its_kind_passes_without_waiting()
    {
        var scorer = new FakeScorer(0.95) { Ready = new TaskCompletionSource().Task };
        var stage = new SemanticStage(scorer, SemanticStageTests.Settings(Profile.Strict) with { LoadTimeout = TimeSpan.FromMinutes(10) });

        // A wait for the load would outlast the test's own timeout; the handshake's answers must not wait for it.
        using var runner = SemanticStageTests.Runner(stage, Profile.Strict, waitForModel: false);
        var result = await runner.RunAsync(SemanticStageTests.Case(ToolList), TestContext.Current.CancellationToken);

        Assert.Equal("allow", result.Steps[^1]);
        Assert.Empty(scorer.Requests);
        Assert.Empty(result.Semantic);
    }

    [Fact]
    public async Task A_failure_to_score_a_message_selected_for_its_kind_is_logged_and_never_blocks_even_under_strict()
    {
        var scorer = new FakeScorer((_, _) => throw new SemanticProviderException("the provider answered HTTP 500"));

        var result = await Run(new SemanticStage(scorer, SemanticStageTests.Settings(Profile.Strict)), Profile.Strict, ToolList);

        Assert.Equal("allow", result.Steps[^1]);
        Assert.Equal("error", Assert.Single(result.Semantic).Outcome);
        Assert.Contains(SemanticStage.UnavailableRule, result.Rules);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_replay_waits_for_the_model_first_so_a_message_selected_for_its_kind_is_scored()
    {
        var token = TestContext.Current.CancellationToken;
        var load = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scorer = new FakeScorer(0.95) { Ready = load.Task };
        var stage = new SemanticStage(scorer, SemanticStageTests.Settings() with { LoadTimeout = TimeSpan.FromMinutes(2) });
        using var runner = SemanticStageTests.Runner(stage, Profile.Balanced);

        var run = runner.RunAsync(SemanticStageTests.Case(ToolList), token);
        await Task.Delay(200, token);
        load.SetResult();
        var result = await run;

        // Without the wait the list would pass unscored (selected for its kind while the model loads).
        Assert.Single(scorer.Requests);
        Assert.Equal("block", result.Steps[^1]);
    }
}
