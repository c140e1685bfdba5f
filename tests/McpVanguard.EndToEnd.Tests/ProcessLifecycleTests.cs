using System.Text.Json;
using McpVanguard.Protocol;
using ModelContextProtocol.Client;

namespace McpVanguard.EndToEnd;

/// <summary>
/// Agent EOF, child crash and SIGTERM: vanguard must end cleanly and leave no process behind
/// (checked in /proc, not trusted from exit codes).
/// </summary>
[Trait("needs", "relay")]
public sealed class ProcessLifecycleTests : IDisposable
{
    // How long vanguard may take to close the child's stdin, wait its grace period and kill the tree.
    private static readonly TimeSpan ReapDeadline = TimeSpan.FromSeconds(15);

    private readonly TemporaryFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task DisposingTheSdkClientLeavesNoProcessBehind()
    {
        var token = TestContext.Current.CancellationToken;
        TestEnvironment.RequireNodePackages();
        var client = await McpClient.CreateAsync(
            TestEnvironment.VanguardTransport([], ["node", TestEnvironment.FilesystemServer, _root.Path]),
            cancellationToken: token);
        IReadOnlyList<int> tree;
        try
        {
            await client.ListToolsAsync(cancellationToken: token);

            // The SDK starts vanguard as our child; the unique temp root in its command line identifies it.
            var vanguard = Assert.Single(
                ProcessTree.DescendantsWithCommandLine(Environment.ProcessId, TestEnvironment.VanguardBinary ?? TestEnvironment.VanguardDll),
                pid => ProcessTree.CommandLine(pid).Contains(_root.Path, StringComparison.Ordinal)
                    && ProcessTree.CommandLine(pid).Contains(" start ", StringComparison.Ordinal));
            tree = [vanguard, .. ProcessTree.Descendants(vanguard)];
            Assert.True(tree.Count >= 2, $"expected vanguard and its server child, found: {string.Join(", ", tree.Select(ProcessTree.CommandLine))}");
        }
        finally
        {
            await client.DisposeAsync();
        }

        var survivors = await ProcessTree.WaitUntilGoneAsync(tree, ReapDeadline, token);
        Assert.True(survivors.Count == 0, "still running after the client went away:\n" + string.Join('\n', survivors));
    }

    [Fact(Timeout = 60_000)]
    public async Task ClosingStdinMakesVanguardExitAndReapTheWholeTree()
    {
        var token = TestContext.Current.CancellationToken;
        TestEnvironment.RequireNodePackages();
        await using var vanguard = PipedProcess.StartVanguard([], ["node", TestEnvironment.FilesystemServer, _root.Path]);
        await vanguard.InitializeAsync(token);
        IReadOnlyList<int> tree = [vanguard.Pid, .. ProcessTree.Descendants(vanguard.Pid)];
        Assert.True(tree.Count >= 2, "the server child did not start");

        vanguard.CloseStdin();
        await vanguard.WaitForExitAsync(token);

        var survivors = await ProcessTree.WaitUntilGoneAsync(tree, ReapDeadline, token);
        Assert.True(survivors.Count == 0, "still running after the agent closed stdin:\n" + string.Join('\n', survivors) + "\nstderr:\n" + vanguard.Stderr);
    }

    [Fact(Timeout = 60_000)]
    public async Task ChildCrashAnswersThePendingRequestAndExitsWithTheChildsCode()
    {
        var token = TestContext.Current.CancellationToken;
        await using var vanguard = PipedProcess.StartVanguard([], ["node", TestEnvironment.NodeFixture("exits-on-call.js")]);
        await vanguard.InitializeAsync(token);

        // The fixture exits with code 3 on tools/call without answering it.
        await vanguard.SendAsync("""{"jsonrpc":"2.0","id":"doomed","method":"tools/call","params":{"name":"crash","arguments":{}}}""", token);
        var response = await vanguard.ReadResponseAsync("doomed", token);

        Assert.True(response.TryGetProperty("error", out var error), $"expected an error for the pending request, got {response}");
        Assert.Equal(JsonRpcErrorCodes.UpstreamUnavailable, error.GetProperty("code").GetInt32());
        Assert.Equal(3, await vanguard.WaitForExitAsync(token));
        Assert.Contains("exit", vanguard.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact(Timeout = 60_000)]
    public async Task SigtermLeavesNoOrphan()
    {
        var token = TestContext.Current.CancellationToken;
        TestEnvironment.RequireNodePackages();
        await using var vanguard = PipedProcess.StartVanguard([], ["node", TestEnvironment.EverythingServer, "stdio"]);
        await vanguard.InitializeAsync(token);
        IReadOnlyList<int> tree = [vanguard.Pid, .. ProcessTree.Descendants(vanguard.Pid)];
        Assert.True(tree.Count >= 2, "the server child did not start");

        await vanguard.SignalAsync("TERM", token);
        await vanguard.WaitForExitAsync(token);

        var survivors = await ProcessTree.WaitUntilGoneAsync(tree, ReapDeadline, token);
        Assert.True(survivors.Count == 0, "still running after SIGTERM:\n" + string.Join('\n', survivors) + "\nstderr:\n" + vanguard.Stderr);
    }

    [Fact(Timeout = 60_000)]
    public async Task SigkillOfVanguardLeavesNoOrphanEvenWhenTheServerIgnoresStdinClose()
    {
        var token = TestContext.Current.CancellationToken;
        var marker = $"orphan-check-{Guid.NewGuid():N}";
        await using var vanguard = PipedProcess.StartVanguard([], ["node", TestEnvironment.NodeFixture("ignores-stdin-close.js"), marker]);
        await vanguard.InitializeAsync(token);

        // The fixture's grandchild (a second node) carries the marker too: wait until it exists, so the kill is not a race with its start.
        var grandchildStarted = await ProcessTree.EventuallyAsync(() => ProcessTree.DescendantsWithCommandLine(vanguard.Pid, marker).Count >= 2, TestEnvironment.Patience, token);
        IReadOnlyList<int> tree = [vanguard.Pid, .. ProcessTree.Descendants(vanguard.Pid)];
        Assert.True(grandchildStarted, "the server and its grandchild did not start: " + string.Join(", ", tree.Select(ProcessTree.CommandLine)));

        await vanguard.SignalAsync("KILL", token);
        await vanguard.WaitForExitAsync(token);

        var survivors = await ProcessTree.WaitUntilGoneAsync(tree, ReapDeadline, token);
        ProcessTree.KillAll(tree);
        Assert.True(survivors.Count == 0, "still running after SIGKILL of vanguard:\n" + string.Join('\n', survivors) + "\nstderr:\n" + vanguard.Stderr);
    }
}
