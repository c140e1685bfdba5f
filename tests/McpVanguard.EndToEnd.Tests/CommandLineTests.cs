using System.Text.Json.Nodes;

namespace McpVanguard.EndToEnd;

/// <summary>The CLI that never surprises, through the real process: typos stop it, YAML errors name a place, the config file is found by a stated rule.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("vanguard-e2e-cli-");

    public void Dispose() => _folder.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task AVanishedWorkingDirectoryIsAClearErrorNotACrashOrAGuess()
    {
        var token = TestContext.Current.CancellationToken;
        var gone = _folder.File("gone");
        Directory.CreateDirectory(gone);

        // The shell enters the directory, removes it and becomes vanguard: the process starts in a directory that no longer exists.
        var run = await VanguardRun.RunProgramAsync("sh", ["-c", $"cd '{gone}' && rmdir '{gone}' && exec {TestEnvironment.VanguardShellCommand} serve --port 0 --server 'node -e 1'"], token);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("the working directory no longer exists", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task MistypedStartOptionIsAnErrorWithASuggestionAndNoServerStarts()
    {
        var token = TestContext.Current.CancellationToken;
        var marker = _folder.File("server-started");

        // Before: --server won and the stray option was ignored (or, with --, became the server's command line).
        var run = await VanguardRun.RunAsync(["start", "--server", $"sh -c 'touch {marker}'", "--safezone", _folder.Path], token);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("unknown option '--safezone'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean '--safe-zone'?", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the server was started despite the error");
    }

    [Fact(Timeout = 120_000)]
    public async Task MistypedOptionBeforeDoubleDashDoesNotBecomeTheServerCommand()
    {
        var token = TestContext.Current.CancellationToken;
        var marker = _folder.File("server-started");

        var run = await VanguardRun.RunAsync(["start", "--safezone", _folder.Path, "--", "sh", "-c", $"touch {marker}"], token);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("did you mean '--safe-zone'?", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("setsid", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }

    [Fact(Timeout = 120_000)]
    public async Task ServerCommandWithoutDoubleDashIsRefused()
    {
        var run = await VanguardRun.RunAsync(["start", "node", "server.js"], TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("unexpected argument 'node' before '--'", run.Stderr, StringComparison.Ordinal);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("rules", "lst", "did you mean 'list'?")]
    [InlineData("rules list", "--jsn", "did you mean '--json'?")]
    [InlineData("config show", "--profil", "did you mean '--profile'?")]
    public async Task UnknownWordsAnywhereExitTwoWithASuggestion(string command, string typo, string suggestion)
    {
        var run = await VanguardRun.RunAsync([.. command.Split(' '), typo], TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(suggestion, run.Stderr, StringComparison.Ordinal);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("config show")]
    [InlineData("start")]
    public async Task UnclosedFlowSequenceNamesFileLineAndColumnWithoutAStackTrace(string command)
    {
        var file = _folder.File("vanguard.yaml");
        await File.WriteAllTextAsync(file, "safe_zones: [~/projects\nprofile: strict\n", TestContext.Current.CancellationToken);
        string[] arguments = command == "start" ? ["start", "--config", file, "--", "sh", "-c", "exit 0"] : [.. command.Split(' '), "--config", file];

        var run = await VanguardRun.RunAsync(arguments, TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Matches(@"vanguard\.yaml:\d+:\d+: invalid YAML", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task ConfigFileIsFoundByTheStatedRuleInOrder()
    {
        var token = TestContext.Current.CancellationToken;
        var configHome = _folder.File("config-home");
        var user = Path.Join(configHome, "mcp-vanguard", "vanguard.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(user)!);
        await File.WriteAllTextAsync(user, "profile: strict\n", token);
        var work = _folder.File("work");
        Directory.CreateDirectory(work);
        await File.WriteAllTextAsync(Path.Join(work, "vanguard.yaml"), "profile: monitor\n", token);
        var named = _folder.File("named.yaml");
        await File.WriteAllTextAsync(named, "server_id: named\n", token);

        async Task<JsonNode> ShowAsync(Dictionary<string, string?> environment, params string[] extra)
        {
            var run = await VanguardRun.RunAsync(["config", "show", "--json", .. extra], token, environment, work);
            Assert.True(run.ExitCode == 0, run.ToString());
            return JsonNode.Parse(run.Stdout)!;
        }

        // The user config directory beats the working directory (Claude Desktop's working directory is unpredictable).
        var fromUser = await ShowAsync(new() { ["XDG_CONFIG_HOME"] = configHome });
        Assert.Equal("user config directory", (string?)fromUser["config_rule"]);
        Assert.Equal(user, (string?)fromUser["config_file"]);
        Assert.Equal("strict", (string?)fromUser["values"]!["profile"]!["value"]);

        var fromWorkingDirectory = await ShowAsync(new() { ["XDG_CONFIG_HOME"] = _folder.File("empty-config-home") });
        Assert.Equal("working directory", (string?)fromWorkingDirectory["config_rule"]);
        Assert.Equal("monitor", (string?)fromWorkingDirectory["values"]!["profile"]!["value"]);

        var fromEnvironment = await ShowAsync(new() { ["XDG_CONFIG_HOME"] = configHome, ["VANGUARD_CONFIG"] = named });
        Assert.Equal("VANGUARD_CONFIG", (string?)fromEnvironment["config_rule"]);

        var fromOption = await ShowAsync(new() { ["XDG_CONFIG_HOME"] = configHome, ["VANGUARD_CONFIG"] = user }, "--config", named);
        Assert.Equal("--config", (string?)fromOption["config_rule"]);
        Assert.Equal("named", (string?)fromOption["values"]!["server_id"]!["value"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task TestsRunWithAPrivateStateDirectory()
    {
        var run = await VanguardRun.RunAsync(["config", "show", "--json"], TestContext.Current.CancellationToken, workingDirectory: _folder.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        var audit = (string?)JsonNode.Parse(run.Stdout)!["values"]!["audit.log"]!["value"];
        Assert.StartsWith(McpVanguard.Testing.IsolatedStateDirectory.StateHome, audit, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task HelpShowsExamples()
    {
        var run = await VanguardRun.RunAsync(["start", "--help"], TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Examples:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("vanguard start -- ", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every listing at 80 columns on a real terminal (a pseudo-terminal from util-linux's <c>script</c>, sized with stty):
    /// no line is wider than the terminal, so nothing wraps into the next item's columns.
    /// </summary>
    [Theory(Timeout = 120_000)]
    [InlineData("rules list")]
    [InlineData("config show")]
    [InlineData("configure --config-file mcp.json")]
    public async Task ListingsFitAnEightyColumnTerminal(string listing)
    {
        await File.WriteAllTextAsync(_folder.File("mcp.json"), """
            {"mcpServers": {"a-server-with-a-rather-long-name-that-goes-on-and-on-for-a-while-and-then-some-more": {"command": "npx", "args": ["x"]}}}
            """, TestContext.Current.CancellationToken);
        var command = $"stty cols 80 rows 50; exec {TestEnvironment.VanguardShellCommand} {listing}";
        var run = await VanguardRun.RunProgramAsync("script", ["-qec", command, "/dev/null"], TestContext.Current.CancellationToken, workingDirectory: _folder.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = System.Text.RegularExpressions.Regex.Replace(run.Stdout, "\u001b\\[[0-9;?]*[A-Za-z]", string.Empty).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.True(lines.Count(l => l.Length > 0) > 1, run.ToString());
        Assert.All(lines, line => Assert.True(new System.Globalization.StringInfo(line).LengthInTextElements <= 80, $"{line.Length} columns: {line}"));
    }
}
