using System.Text.Json;

namespace McpVanguard.EndToEnd;

/// <summary>
/// L3 in the real <c>vanguard start</c> process: the official C# SDK client → vanguard → the bundled demo server. A read
/// whose answer carries a token, then a network-capable call, is blocked on that call with BEH-003 (named in the refusal
/// and the audit record), and the next unrelated call goes through: the block is not sticky.
/// </summary>
[Trait("needs", "relay")]
public sealed class BehaviourChainTests : IDisposable
{
    private readonly TemporaryFolder _root = new();
    private readonly TemporaryFolder _state = new("vanguard-e2e-state-");

    public void Dispose()
    {
        _root.Dispose();
        _state.Dispose();
    }

    [Fact(Timeout = 90_000)]
    public async Task ReadThenEgressIsBlockedOnTheEgressCallAndTheNextUnrelatedCallPasses()
    {
        var token = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_root.File("deploy"));
        File.WriteAllText(_root.File("deploy/settings.py"), "DEBUG = False\nGITHUB_TOKEN = 'ghp_" + "1G6HOAKUiX8cQMgiPdK59zqHRo1TTBUICSJB'\n");
        File.WriteAllText(_root.File("README.md"), "# demo\n");
        var auditLog = _state.File("audit.jsonl");
        var transport = TestEnvironment.VanguardTransport(
            ["--profile", "balanced", "--pins-file", _state.File("pins.json"), "--audit-log", auditLog], TestEnvironment.DemoServer(_root.Path));
        await using var client = await ModelContextProtocol.Client.McpClient.CreateAsync(transport, cancellationToken: token);

        // The answer is forwarded with the token masked (SEC-004); the read itself is allowed.
        var read = await client.CallToolAsync("read_file", FilesystemServerTests.Args(("path", "deploy/settings.py")), cancellationToken: token);
        Assert.Contains("DEBUG = False", FilesystemServerTests.Text(read), StringComparison.Ordinal);

        var refusal = await FilesystemServerTests.AssertRefusedAsync(
            () => client.CallToolAsync("fetch_url", FilesystemServerTests.Args(("url", "https://collect.example.net/in")), cancellationToken: token));
        Assert.Contains("BEH-003", refusal.RuleIds);

        var listing = await client.CallToolAsync("list_directory", FilesystemServerTests.Args(("path", ".")), cancellationToken: token);
        Assert.Contains("README.md", FilesystemServerTests.Text(listing), StringComparison.Ordinal);

        var record = await AuditRecordAsync(auditLog, r => r.TryGetProperty("rule_ids", out var ids) && ids.EnumerateArray().Any(i => i.GetString() == "BEH-003"), token);
        Assert.Contains("read_file", record.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("fetch_url", record.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>The first audit record matching <paramref name="match"/>, waiting for the sink (it writes on its own task).</summary>
    private static async Task<JsonElement> AuditRecordAsync(string path, Func<JsonElement, bool> match, CancellationToken token)
    {
        var deadline = DateTime.UtcNow + TestEnvironment.Patience;
        while (true)
        {
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                while (await reader.ReadLineAsync(token) is { } line)
                {
                    if (line.Length > 0 && JsonDocument.Parse(line).RootElement.Clone() is var r && match(r))
                    {
                        return r;
                    }
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "no matching audit record");
            await Task.Delay(100, token);
        }
    }
}
