using McpVanguard.Policy;
using McpVanguard.Replay;

namespace McpVanguard.Tests.Inspection.Behaviour;

/// <summary>
/// The L3 corpus through the real replay composition: each attack is blocked under balanced <em>by the L3 rule it names</em>
/// (not only by an earlier layer), the strict-only cases warn under balanced and block under strict, and the everyday
/// multi-call sessions raise no L3 finding at all, even under strict.
/// </summary>
public sealed class BehaviourCorpusTests
{
    private static List<ReplayCase> Read(string file)
    {
        using var reader = File.OpenText(Path.Combine(RepositoryPaths.Corpus, file));
        return [.. ReplayReader.Read(reader)];
    }

    private static string Rule(ReplayCase c) => c.Extra["rule"]!.GetValue<string>();

    [Fact]
    public async Task Balanced_blocks_every_behaviour_attack_with_its_rule()
    {
        using var runner = TestEngine.Replay(Profile.Balanced);
        var wrong = new List<string>();
        foreach (var c in Read("behaviour.jsonl"))
        {
            var result = await runner.RunAsync(c, TestContext.Current.CancellationToken);
            if (!result.Blocked || !result.Rules.Contains(Rule(c)))
            {
                wrong.Add($"{c.Id}: expected {Rule(c)}, blocked={result.Blocked} rules=[{string.Join(",", result.Rules)}]");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task Strict_only_cases_warn_under_balanced_and_block_under_strict()
    {
        using var balanced = TestEngine.Replay(Profile.Balanced);
        using var strict = TestEngine.Replay(Profile.Strict);
        foreach (var c in Read("strict-only-behaviour.jsonl"))
        {
            var warned = await balanced.RunAsync(c, TestContext.Current.CancellationToken);
            Assert.False(warned.Blocked, c.Id);
            Assert.Contains(Rule(c), warned.Rules);
            var blocked = await strict.RunAsync(c, TestContext.Current.CancellationToken);
            Assert.True(blocked.Blocked, c.Id);
            Assert.Contains(Rule(c), blocked.Rules);
        }
    }

    [Theory]
    [InlineData(Profile.Balanced)]
    [InlineData(Profile.Strict)]
    public async Task Everyday_sessions_raise_no_behaviour_finding(Profile profile)
    {
        using var runner = TestEngine.Replay(profile);
        foreach (var c in Read("benign-behaviour.jsonl"))
        {
            var result = await runner.RunAsync(c, TestContext.Current.CancellationToken);
            Assert.False(result.Blocked, $"{c.Id}: rules=[{string.Join(",", result.Rules)}]");
            Assert.DoesNotContain(result.Rules, r => r.StartsWith("BEH-", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_block_falls_on_the_completing_call_and_the_next_unrelated_call_passes()
    {
        // beh-010 ends with the egress call; append an unrelated read after it: the chain does not stick to the session.
        var attack = Read("behaviour.jsonl").Single(c => c.Id == "beh-010");
        var last = attack.Steps[^1].AtMs!.Value;
        var next = System.Text.Json.JsonDocument.Parse("""{"jsonrpc":"2.0","id":99,"method":"tools/call","params":{"name":"list_directory","arguments":{"path":"/home/ana/project/src"}}}""").RootElement.Clone();
        var extended = attack with { Steps = [.. attack.Steps, new ReplayStep(true, "default", next, last + 1000)] };
        using var runner = TestEngine.Replay(Profile.Balanced);
        var result = await runner.RunAsync(extended, TestContext.Current.CancellationToken);
        Assert.Equal("block", result.Steps[^3]);
        Assert.Equal("allow", result.Steps[^1]);
    }

    [Fact]
    public async Task Replay_state_does_not_leak_from_one_case_to_the_next()
    {
        // The read of beh-010 alone, then its egress alone as a second case: no chain across cases.
        var attack = Read("behaviour.jsonl").Single(c => c.Id == "beh-010");
        var read = attack with { Id = "read-only", Steps = attack.Steps.Take(2).ToList() };
        var egress = attack with { Id = "egress-only", Steps = [attack.Steps[^2] with { AtMs = 0 }] };
        using var runner = TestEngine.Replay(Profile.Balanced);
        await runner.RunAsync(read, TestContext.Current.CancellationToken);
        var result = await runner.RunAsync(egress, TestContext.Current.CancellationToken);
        Assert.DoesNotContain("BEH-003", result.Rules);
    }
}
