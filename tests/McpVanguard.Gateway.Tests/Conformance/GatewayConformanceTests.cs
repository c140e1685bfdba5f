using McpVanguard.Gateway.Upstreams;

namespace McpVanguard.Gateway.Tests.Conformance;

/// <summary>
/// The official MCP conformance suite through the gateway (<see cref="GatewayHarness"/>: a real Kestrel on 127.0.0.1
/// with the default profile and the built-in rules) in front of our conformance target, once as a stdio child per
/// session and once as a remote Streamable HTTP upstream. Every active scenario passes directly (<see cref="ConformanceSuiteTests"/>), so every one
/// must pass here too, dns-rebinding-protection included. scripts/conformance.sh does the same through `vanguard serve`.
/// </summary>
[Trait("needs", "conformance-suite")]
public sealed class GatewayConformanceTests
{
    private const int ActiveScenarioCount = 30;

    /// <summary>A stdio session starts a .NET child per scenario; on a busy 2-core machine that adds up.</summary>
    private static readonly TimeSpan SuitePatience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Every_active_scenario_passes_through_the_gateway_with_a_stdio_child_per_session()
    {
        ConformanceEnvironment.RequireSuite();
        var upstream = UpstreamDefinition.Stdio("conformance", ["dotnet", ConformanceEnvironment.TargetDll]);
        await using var gateway = await GatewayHarness.StartAsync([upstream]);

        using var timeout = new CancellationTokenSource(SuitePatience);
        var result = await ConformanceSuite.RunAsync(gateway.Mcp.ToString(), timeout.Token);

        Assert.True(result.Failed.Count == 0, $"failed through the gateway (stdio): {string.Join(", ", result.Failed)}\n{result.OutputTail}");
        Assert.Equal(ActiveScenarioCount, result.Passed.Count);
    }

    [Fact]
    public async Task Every_active_scenario_passes_through_the_gateway_in_front_of_a_remote_upstream()
    {
        ConformanceEnvironment.RequireSuite();
        var targetPort = McpVanguard.Testing.LoopbackPort.Free();
        await using var target = await ListeningProcess.StartAsync(
            "dotnet", [ConformanceEnvironment.TargetDll, "--http", "--port", targetPort.ToString()], targetPort);
        var upstream = UpstreamDefinition.Remote("conformance", new Uri($"http://127.0.0.1:{targetPort}/mcp"));
        await using var gateway = await GatewayHarness.StartAsync([upstream]);

        using var timeout = new CancellationTokenSource(SuitePatience);
        var result = await ConformanceSuite.RunAsync(gateway.Mcp.ToString(), timeout.Token);

        Assert.True(result.Failed.Count == 0, $"failed through the gateway (remote): {string.Join(", ", result.Failed)}\n{result.OutputTail}\n{target.OutputTail}");
        Assert.Equal(ActiveScenarioCount, result.Passed.Count);
    }
}
