using System.Text.Json.Nodes;

namespace McpVanguard.EndToEnd;

/// <summary><c>vanguard bench latency --e2e</c> through the real process: the SDK client, the demo server direct and behind <c>vanguard start</c>.</summary>
public sealed class BenchLatencyTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("vanguard-e2e-bench-");

    public void Dispose() => _folder.Dispose();

    [Fact(Timeout = 300_000)]
    public async Task EndToEndLatencyMeasuresBothModesAndLeavesTheUsersStateAlone()
    {
        var token = TestContext.Current.CancellationToken;
        var state = _folder.File("state");
        var environment = new Dictionary<string, string?> { ["XDG_STATE_HOME"] = state, ["XDG_CONFIG_HOME"] = _folder.File("config"), ["HOME"] = _folder.Path };

        var run = await VanguardRun.RunAsync(["bench", "latency", "--e2e", "--calls", "10", "--rounds", "1", "--json"], token, environment, _folder.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Stdout)!;
        Assert.Equal(1, (int)report["rounds"]!);
        Assert.Equal(10, (int)report["calls_per_round"]!);
        Assert.Equal("varied", (string?)report["mix"]);
        Assert.Equal(["direct", "through"], report["runs"]!.AsArray().Select(r => (string?)r!["mode"]));
        foreach (var mode in new[] { "direct", "through" })
        {
            Assert.True((double)report[mode]!["p50_ms"]! > 0, run.Stdout);
            Assert.True((double)report[mode]!["p99_ms"]! >= (double)report[mode]!["p50_ms"]!, run.Stdout);
            Assert.True((double)report[mode]!["first_answer_ms"]! > 0, run.Stdout);
        }

        var added = (double)report["added"]!["p50_ms"]!;
        Assert.Equal((double)report["through"]!["p50_ms"]! - (double)report["direct"]!["p50_ms"]!, added, 9);

        // The proxied run used its own audit log and pins, not the user's.
        Assert.False(Directory.Exists(Path.Join(state, "mcp-vanguard")) && Directory.EnumerateFiles(Path.Join(state, "mcp-vanguard"), "audit*.jsonl*").Any());
    }

    [Fact(Timeout = 300_000)]
    public async Task InProcessLatencyCoversEveryLayerAndBothDirections()
    {
        var run = await VanguardRun.RunAsync(["bench", "latency", "--iterations", "10", "--markdown"], TestContext.Current.CancellationToken, workingDirectory: _folder.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var row in new[] { "| parse (JSON-RPC, strict) |", "| L1 signatures (YAML rules) |", "| whole agent→server pipeline", "| whole server→agent relay step: tool result, 4 KB of source |", "| whole server→agent relay step: tools/list, 100 tools |" })
        {
            Assert.Contains(row, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact(Timeout = 300_000)]
    public async Task EndToEndLatencyTimesTheRepeatedCallOnRequest()
    {
        var environment = new Dictionary<string, string?> { ["XDG_STATE_HOME"] = _folder.File("state2"), ["XDG_CONFIG_HOME"] = _folder.File("config2"), ["HOME"] = _folder.Path };
        var run = await VanguardRun.RunAsync(["bench", "latency", "--e2e", "--mix", "repeated", "--calls", "20", "--rounds", "1", "--json"], TestContext.Current.CancellationToken, environment, _folder.Path);

        // Past the 15th repeat L3 warns about a loop; a warning forwards the call, so every timed call is still answered.
        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Stdout)!;
        Assert.Equal("repeated", (string?)report["mix"]);
        Assert.True((double)report["through"]!["p50_ms"]! > 0, run.Stdout);
    }

    [Fact(Timeout = 120_000)]
    public async Task EndToEndLatencyRefusesNonsenseCounts()
    {
        var run = await VanguardRun.RunAsync(["bench", "latency", "--e2e", "--calls", "3"], TestContext.Current.CancellationToken);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--calls must be between 10 and 1000000", run.Stderr, StringComparison.Ordinal);
    }
}
