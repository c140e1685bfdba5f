using McpVanguard.Demo;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace McpVanguard.EndToEnd;

/// <summary>The bundled demo server, the scripted session, and <c>vanguard demo</c> itself.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly TemporaryFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task DemoServerAloneServesEveryStepAndConfinesItself()
    {
        var token = TestContext.Current.CancellationToken;
        File.WriteAllText(_root.File("README.md"), "# demo\n");
        var launch = new ProcessLaunch(TestEnvironment.VanguardProgram, TestEnvironment.VanguardArguments("demo-server", "--root", _root.Path));

        // No proxy in front: every step reaches the server, which must refuse the escapes on its own.
        var report = await DemoSession.RunAsync(launch, DemoScript.Steps(enforcing: false), token);

        Assert.True(report.AllExpectationsMet, report.Summary);
        Assert.Equal("Standup: ship the release notes on Friday.\n", File.ReadAllText(_root.File("notes.txt")));
        var traversal = Assert.Single(report.Steps, step => step.Description == "Path traversal to /etc/passwd");
        Assert.StartsWith("server refused:", traversal.Reason, StringComparison.Ordinal);
        var shell = Assert.Single(report.Steps, step => step.Description == "Reverse shell");
        Assert.StartsWith("would run:", shell.Reason, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task SdkSurfacesVanguardsPolicyErrorAsARefusalWithRuleIds()
    {
        var token = TestContext.Current.CancellationToken;
        // A stand-in server answering with the exact error shape the relay sends, to pin down how SDK 2.4.0 reports it.
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "refuses-like-vanguard",
            Command = "node",
            Arguments = [TestEnvironment.NodeFixture("refuses-like-vanguard.js")],
        });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: token);

        var exception = await Assert.ThrowsAnyAsync<McpException>(
            () => client.CallToolAsync("read_file", FilesystemServerTests.Args(("path", "../../etc/passwd")), cancellationToken: token).AsTask());
        var refusal = PolicyRefusal.From(exception);

        Assert.NotNull(refusal);
        Assert.Equal(["FS-001", "FS-014"], refusal.RuleIds);
        Assert.Equal("path traversal outside the working folder", refusal.Reason);
        Assert.Contains("Blocked by McpVanguard:", exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task ScriptedSessionReportsBlocksFromThePolicyError()
    {
        var token = TestContext.Current.CancellationToken;
        var launch = new ProcessLaunch("node", [TestEnvironment.NodeFixture("refuses-like-vanguard.js")]);
        DemoStep[] attack = [new("Path traversal", "read_file", new Dictionary<string, object?> { ["path"] = "../../etc/passwd" }, DemoExpectation.Block)];

        var report = await DemoSession.RunAsync(launch, attack, token);

        var step = Assert.Single(report.Steps);
        Assert.Equal(DemoOutcome.Blocked, step.Outcome);
        Assert.Equal(["FS-001", "FS-014"], step.RuleIds);
        Assert.True(report.AllExpectationsMet, report.Summary);
    }

    [Fact(Timeout = 90_000)]
    [Trait("needs", "relay")]
    [Trait("speed", "slow")]
    public async Task VanguardDemoExitsZeroAndPrintsTheTable()
    {
        var token = TestContext.Current.CancellationToken;
        await using var demo = PipedProcess.StartVanguardCommand("demo");
        demo.CloseStdin();
        var stdout = await demo.ReadTextToEndAsync(token);
        var exitCode = await demo.WaitForExitAsync(token);

        Assert.True(exitCode == 0, $"exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{demo.Stderr}");
        Assert.Contains("Reverse shell", stdout, StringComparison.Ordinal);
        Assert.Contains("blocked", stdout, StringComparison.Ordinal);
        Assert.Contains("allowed", stdout, StringComparison.Ordinal);
        Assert.Contains("every expectation held", stdout, StringComparison.Ordinal);
    }
}
