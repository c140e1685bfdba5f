using ModelContextProtocol.Client;

namespace McpVanguard.EndToEnd;

/// <summary>
/// The real <c>vanguard-full start</c> under the strict profile with the default <c>semantic.timeout_ms</c> (3 s): a
/// harmless call scored right after the handshake, while the embedded model is still loading (seconds), waits for the
/// load and is scored, instead of timing out and being blocked as it was when the deadline included the load.
/// </summary>
[Trait("needs", "relay")]
public sealed class EmbeddedModelLoadTests : IDisposable
{
    private const string BuildLog = "Build succeeded in 12 s. 340 tests passed, 0 failed.";

    private readonly TemporaryFolder _workspace = new("vanguard-e2e-l2-load-root-");
    private readonly TemporaryFolder _state = new("vanguard-e2e-l2-load-state-");
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _stderr = new();

    public void Dispose()
    {
        _workspace.Dispose();
        _state.Dispose();
    }

    [Fact(Timeout = 180_000)]
    public async Task A_harmless_first_call_scored_during_the_model_load_is_allowed_under_strict()
    {
        var token = TestContext.Current.CancellationToken;
        Assert.True(File.Exists(TestEnvironment.VanguardFullDll), $"not built: {TestEnvironment.VanguardFullDll}");
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "vanguard-full",
            Command = "dotnet",
            Arguments = [TestEnvironment.VanguardFullDll, "start", "--profile", "strict", "--pins-file", _state.File("pins.json"), "--audit-log", _state.File("audit.jsonl"), "--", .. TestEnvironment.DemoServer(_workspace.Path)],
            StandardErrorLines = _stderr.Enqueue,
            EnvironmentVariables = new Dictionary<string, string?>
            {
                // The model is extracted to the test's own cache folder (part of the load), never the user's.
                ["XDG_CACHE_HOME"] = _state.File("cache"),
                ["VANGUARD_SEMANTIC_ALWAYS"] = "write_file",
            },
        });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: token);

        var result = await client.CallToolAsync("write_file", FilesystemServerTests.Args(("path", "build.log"), ("content", BuildLog)), cancellationToken: token);

        Assert.True(result.IsError != true, FilesystemServerTests.Text(result) + "\nstderr:\n" + string.Join('\n', _stderr));
        Assert.Equal(BuildLog, await File.ReadAllTextAsync(Path.Combine(_workspace.Path, "build.log"), token));
        var audit = File.Exists(_state.File("audit.jsonl")) ? await File.ReadAllTextAsync(_state.File("audit.jsonl"), token) : string.Empty;
        Assert.DoesNotContain("L2-002", audit, StringComparison.Ordinal);
    }
}
