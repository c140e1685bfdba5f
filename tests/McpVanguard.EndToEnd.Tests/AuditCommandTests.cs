using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpVanguard.EndToEnd;

/// <summary><c>vanguard audit tail|query|stats</c> on the log a real <c>vanguard start</c> session wrote.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("vanguard-e2e-audit-");

    public void Dispose() => _folder.Dispose();

    private string AuditLog => _folder.File("audit.jsonl");

    [Fact(Timeout = 180_000)]
    public async Task QueryStatsAndTailReadTheRecordsOfARealSession()
    {
        var token = TestContext.Current.CancellationToken;
        await WriteSessionAsync(token);

        var query = await VanguardRun.RunAsync(["audit", "query", "--audit-log", AuditLog, "--verdict", "redact", "--server", "weather", "--json"], token);
        Assert.True(query.ExitCode == 0, query.ToString());
        var records = query.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal("redact", (string?)r["verdict"]));
        Assert.Contains(records, r => (string?)r["method"] == "tools/list");

        var none = await VanguardRun.RunAsync(["audit", "query", "--audit-log", AuditLog, "--server", "someone-else", "--json"], token);
        Assert.True(none.ExitCode == 0, none.ToString());
        Assert.Equal(string.Empty, none.Stdout.Trim());

        var stats = await VanguardRun.RunAsync(["audit", "stats", "--audit-log", AuditLog, "--since", "1h", "--json"], token);
        Assert.True(stats.ExitCode == 0, stats.ToString());
        var counts = JsonNode.Parse(stats.Stdout)!;
        Assert.True((long)counts["verdicts"]!["redact"]! >= 1, stats.Stdout);
        Assert.Equal((long)counts["records"]!, (long)counts["servers"]!["weather"]!);

        var tail = await VanguardRun.RunAsync(["audit", "tail", "--audit-log", AuditLog, "-n", "1"], token);
        Assert.True(tail.ExitCode == 0, tail.ToString());
        Assert.Single(tail.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("weather", tail.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task BadSinceIsAClearErrorWithTheAcceptedForms()
    {
        var run = await VanguardRun.RunAsync(["audit", "query", "--audit-log", AuditLog, "--since", "yesterday"], TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("30m, 2h, 7d", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>One session through the real proxy in front of the malicious server: its poisoned tool is redacted from the list.</summary>
    private async Task WriteSessionAsync(CancellationToken token)
    {
        await using (var vanguard = PipedProcess.StartVanguard(["--server-id", "weather", "--audit-log", AuditLog, "--pins-file", _folder.File("pins.json")], MaliciousServerTests.MaliciousServer))
        {
            await vanguard.InitializeAsync(token);
            await vanguard.SendAsync("""{"jsonrpc":"2.0","id":"list","method":"tools/list"}""", token);
            await vanguard.ReadResponseAsync("list", token);
            vanguard.CloseStdin();
            await vanguard.WaitForExitAsync(token);
        }

        Assert.True(File.Exists(AuditLog), "the session wrote no audit log");
        Assert.Contains(File.ReadAllLines(AuditLog), l => l.Contains("\"redact\"", StringComparison.Ordinal) && JsonDocument.Parse(l).RootElement.GetProperty("server_id").GetString() == "weather");
    }
}
