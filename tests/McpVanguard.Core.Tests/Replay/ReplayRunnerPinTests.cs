using McpVanguard.Integrity;
using McpVanguard.Policy;
using McpVanguard.Replay;

namespace McpVanguard.Tests.Replay;

/// <summary>Replay compares tool lists with pins as a live session does, and each case starts with pins of its own.</summary>
public sealed class ReplayRunnerPinTests : IDisposable
{
    private const string Notes = """[{"name":"search_notes","description":"Search the user's notes by keyword.","inputSchema":{"type":"object","properties":{"query":{"type":"string"}}}}]""";

    /// <summary>A different definition of the same tool: a widened schema, nothing a metadata scanner flags on its own.</summary>
    private const string NotesWidened = """[{"name":"search_notes","description":"Search the user's notes by keyword.","inputSchema":{"type":"object","properties":{"query":{"type":"string"},"extra_args":{"type":"string"}}}}]""";

    private readonly ReplayRunner _runner = TestEngine.Replay(Profile.Balanced);

    public void Dispose() => _runner.Dispose();

    [Fact]
    public async Task A_tool_list_that_changes_after_list_changed_within_one_case_is_a_rug_pull()
    {
        var result = await RunAsync("rug", "block", List(1, Notes), Changed, List(2, NotesWidened));

        Assert.True(result.Blocked);
        Assert.Equal(["allow", "allow", "allow", "allow", "redact"], result.Steps);
        Assert.Equal([ToolPinInspector.ChangedRule], result.Rules);
    }

    [Fact]
    public async Task An_identical_re_list_after_list_changed_is_allowed_without_findings()
    {
        var result = await RunAsync("same", "allow", List(1, Notes), Changed, List(2, Notes));

        Assert.False(result.Blocked);
        Assert.Empty(result.Rules);
    }

    [Fact]
    public async Task Pins_taken_in_one_case_do_not_apply_to_the_next()
    {
        // Same server id, same tool name, other definition: a leak would make the second case a rug pull.
        var first = await RunAsync("first", "allow", List(1, Notes));
        var second = await RunAsync("second", "allow", List(1, NotesWidened), Changed, List(2, NotesWidened));

        Assert.Empty(first.Rules);
        Assert.False(second.Blocked);
        Assert.DoesNotContain(second.Rules, r => r.StartsWith("PIN-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_case_after_another_still_catches_its_own_rug_pull()
    {
        // Pinning the widened list first must not make it the approved one for the next case.
        await RunAsync("earlier", "allow", List(1, NotesWidened));
        var result = await RunAsync("later", "block", List(1, Notes), Changed, List(2, NotesWidened));

        Assert.Contains(ToolPinInspector.ChangedRule, result.Rules);
    }

    [Fact]
    public async Task The_same_case_run_twice_gives_the_same_result()
    {
        var once = await RunAsync("again", "block", List(1, Notes), Changed, List(2, NotesWidened));
        var twice = await RunAsync("again", "block", List(1, Notes), Changed, List(2, NotesWidened));

        Assert.Equal(once.Steps, twice.Steps);
        Assert.Equal(once.Rules, twice.Rules);
    }

    [Fact]
    public void A_runner_refuses_a_pin_store_with_a_file()
    {
        var pins = new PinStore(Path.Join(Path.GetTempPath(), "vanguard-replay-never-written-" + Guid.NewGuid().ToString("N") + ".json"));

        Assert.Throws<ArgumentException>(() => new ReplayRunner(TestEngine.Create(), pins));
    }

    [Fact]
    public async Task Tool_names_listed_in_one_case_do_not_collide_with_the_next()
    {
        // Within one case, two servers offering one name is a collision (COLL-001); across cases it must not be.
        var within = await RunAsync("both", "allow", List(1, Notes, "alpha"), List(2, Notes, "beta"));
        var first = await RunAsync("alpha", "allow", List(1, Notes, "alpha"));
        var second = await RunAsync("beta", "allow", List(1, Notes, "beta"));

        Assert.Contains("COLL-001", within.Rules);
        Assert.DoesNotContain("COLL-001", first.Rules);
        Assert.DoesNotContain("COLL-001", second.Rules);
    }

    private static string List(int id, string tools, string? server = null)
    {
        var on = server is null ? string.Empty : ",\"server\":\"" + server + "\"";
        return "{\"from\":\"agent\"" + on + ",\"message\":{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\",\"params\":{}}},"
            + "{\"from\":\"server\"" + on + ",\"message\":{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"tools\":" + tools + "}}}";
    }

    private const string Changed = """{"from":"server","message":{"jsonrpc":"2.0","method":"notifications/tools/list_changed"}}""";

    private async Task<ReplayResult> RunAsync(string id, string expect, params string[] steps)
    {
        var line = $$"""{"id":"{{id}}","category":"test","expect":"{{expect}}","steps":[{{string.Join(",", steps)}}]}""";
        var replayCase = Assert.Single(ReplayReader.Read(new StringReader(line)));
        return await _runner.RunAsync(replayCase, TestContext.Current.CancellationToken);
    }
}
