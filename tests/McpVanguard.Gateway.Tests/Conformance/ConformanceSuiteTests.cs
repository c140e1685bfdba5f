namespace McpVanguard.Gateway.Tests.Conformance;

/// <summary>
/// The official MCP conformance suite (@modelcontextprotocol/conformance 0.1.16, active server scenarios) against our
/// conformance target, a real C# SDK server on 127.0.0.1. scripts/conformance.sh runs the same comparison by hand.
/// </summary>
[Trait("needs", "conformance-suite")]
public sealed class ConformanceSuiteTests
{
    /// <summary>Scenarios in the suite's active list (server-sse-polling and json-schema-2020-12 are pending in 0.1.16).</summary>
    private const int ActiveScenarioCount = 30;

    private static readonly TimeSpan SuitePatience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_target_passes_every_active_scenario_directly()
    {
        ConformanceEnvironment.RequireSuite();
        var port = McpVanguard.Testing.LoopbackPort.Free();
        await using var target = await ListeningProcess.StartAsync(
            "dotnet", [ConformanceEnvironment.TargetDll, "--http", "--port", port.ToString()], port);

        using var timeout = new CancellationTokenSource(SuitePatience);
        var result = await ConformanceSuite.RunAsync($"http://127.0.0.1:{port}/mcp", timeout.Token);

        Assert.True(result.Failed.Count == 0, $"failed directly: {string.Join(", ", result.Failed)}\n{result.OutputTail}\n{target.OutputTail}");
        Assert.Equal(ActiveScenarioCount, result.Passed.Count);
    }
}
