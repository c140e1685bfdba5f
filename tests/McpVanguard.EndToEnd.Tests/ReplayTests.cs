using System.Text.Json.Nodes;

namespace McpVanguard.EndToEnd;

/// <summary>The real <c>vanguard replay</c> on the shipped rug-pull corpus: pins per case, as in a live session.</summary>
public sealed class ReplayTests : IDisposable
{
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

    [Fact(Timeout = 240_000)]
    public async Task TheHelpListsOnlyOptionsThatChangeAReplayAndTheOthersStillParseWithoutWritingAnything()
    {
        var token = TestContext.Current.CancellationToken;
        var help = await VanguardRun.RunAsync(["replay", "--help"], token);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("--rules-dir", help.Stdout, StringComparison.Ordinal);
        foreach (var inert in (string[])["--audit-log", "--audit-allows", "--server-id", "--pins-file", "--pins-baseline"])
        {
            Assert.DoesNotContain(inert, help.Stdout, StringComparison.Ordinal);
        }

        // Scripts written against the old help still run; the files they name are never touched.
        var cases = _folder.File("cases.jsonl");
        await File.WriteAllTextAsync(cases, """{"id":"a","category":"t","expect":"block","steps":[{"from":"server","message":{"jsonrpc":"2.0","id":9,"result":{"content":[]}}}]}""" + "\n", token);
        var audit = _folder.File("audit.jsonl");
        var run = await VanguardRun.RunAsync(["replay", cases, "--audit-log", audit, "--audit-allows", "--server-id", "s", "--pins-file", PinsFile], token);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(File.Exists(audit), "replay must never write an audit log");
        Assert.False(File.Exists(PinsFile), "replay must never write the pin file");
        // The answer to an id no step asked for is judged as live, and the likely authoring slip is named on stderr.
        Assert.Contains("line 1, case 'a', step 1: a server answer to id 9", run.Stderr, StringComparison.Ordinal);
    }

    private static List<JsonNode> Results(string stdout)
        => stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(static l => JsonNode.Parse(l)!).ToList();

    private static List<string> Rules(JsonNode result) => result["rules"]!.AsArray().Select(static r => (string)r!).ToList();

    /// <summary>Runs <c>vanguard replay corpus/FILE --json</c> with a private pin file to its end.</summary>
    private async Task<(int ExitCode, string Stdout, string Stderr)> ReplayAsync(string corpusFile, CancellationToken token)
    {
        await using var replay = PipedProcess.StartVanguardCommand(["replay", Path.Combine(TestEnvironment.RepositoryRoot, "corpus", corpusFile), "--json", "--pins-file", PinsFile]);
        replay.CloseStdin();

        // Line by line without a per-read deadline: building the rules first takes a while on a busy machine (the test has its own timeout).
        var stdout = new System.Text.StringBuilder();
        while (await replay.ReadLineAsync(token) is { } line)
        {
            stdout.AppendLine(line);
        }

        var exitCode = await replay.WaitForExitAsync(token);
        return (exitCode, stdout.ToString(), replay.Stderr);
    }
}
