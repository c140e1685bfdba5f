using System.Diagnostics;
using System.Text.Json.Nodes;

namespace McpVanguard.EndToEnd;

/// <summary>The real <c>vanguard replay</c> on the shipped rug-pull corpus: pins per case, as in a live session.</summary>
public sealed class ReplayTests : IDisposable
{
    /// <summary>Replay loads and builds the rules before the first case: generous on a busy 2-core machine.</summary>
    private static readonly TimeSpan ReplayPatience = TimeSpan.FromMinutes(3);

    private readonly TemporaryFolder _folder = new("vanguard-e2e-replay-");

    public void Dispose() => _folder.Dispose();

    private string PinsFile => _folder.File("pins.json");

    [Fact(Timeout = 240_000)]
    public async Task EveryRugPullOfTheCorpusIsBlockedAndNeverTouchesThePinFile()
    {
        var (exitCode, stdout, stderr) = await ReplayAsync("rug-pull.jsonl", TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stderr}");
        var results = Results(stdout);
        Assert.True(results.Count >= 15, $"only {results.Count} cases\n{stdout}");
        Assert.All(results, r => Assert.True((string?)r["verdict"] == "block", r.ToJsonString()));

        // Most of the corpus changes nothing a metadata scanner flags on sight: the pins must be what catches them.
        Assert.Contains(results, r => Rules(r).SequenceEqual(["PIN-001"]));
        // PIN-001 withholds the changed tool from the list the agent gets (a redaction), as in a live session.
        Assert.All(results.Where(r => Rules(r).Contains("PIN-001")), r => Assert.Contains("redact", r["steps"]!.AsArray().Select(static s => (string?)s)));
        Assert.False(File.Exists(PinsFile), "replay must never write the pin file");
    }

    [Fact(Timeout = 240_000)]
    public async Task EveryBenignLookAlikeIsAllowedAndNoCaseInheritsAnotherCasesPins()
    {
        var (exitCode, stdout, stderr) = await ReplayAsync("benign-rug-pull.jsonl", TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stderr}");
        var results = Results(stdout);
        Assert.True(results.Count >= 10, $"only {results.Count} cases\n{stdout}");
        Assert.All(results, r => Assert.True((string?)r["verdict"] == "allow", r.ToJsonString()));

        // Later cases reuse the server id and tool names of earlier ones with other definitions: a leak would be PIN-001.
        Assert.DoesNotContain(results, r => Rules(r).Contains("PIN-001"));
        Assert.False(File.Exists(PinsFile), "replay must never write the pin file");
    }

    private static List<JsonNode> Results(string stdout)
        => stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(static l => JsonNode.Parse(l)!).ToList();

    private static List<string> Rules(JsonNode result) => result["rules"]!.AsArray().Select(static r => (string)r!).ToList();

    /// <summary>Runs <c>vanguard replay corpus/FILE --json</c> with a private pin file to its end.</summary>
    private async Task<(int ExitCode, string Stdout, string Stderr)> ReplayAsync(string corpusFile, CancellationToken token)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in (string[])[TestEnvironment.VanguardDll, "replay", Path.Combine(TestEnvironment.RepositoryRoot, "corpus", corpusFile), "--json", "--pins-file", PinsFile])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(token);
        patience.CancelAfter(ReplayPatience);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(patience.Token);
            var stderr = process.StandardError.ReadToEndAsync(patience.Token);
            await process.WaitForExitAsync(patience.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
