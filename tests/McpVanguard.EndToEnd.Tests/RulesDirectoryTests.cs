using System.Diagnostics;
using System.Text.Json.Nodes;

namespace McpVanguard.EndToEnd;

/// <summary>The real <c>vanguard</c> process honours a rules directory that disables or re-actions an analyser id.</summary>
public sealed class RulesDirectoryTests : IDisposable
{
    private const string EnvRead = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_file","arguments":{"path":".env"}}}""";

    private const string AwsRead = """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"read_file","arguments":{"path":"/home/dev/.aws/credentials"}}}""";

    private readonly TemporaryFolder _folder = new("vanguard-e2e-rules-");

    public void Dispose() => _folder.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task Check_honours_a_disabled_analyser_id_and_rules_show_reports_it()
    {
        var token = TestContext.Current.CancellationToken;
        File.WriteAllText(_folder.File("local.yaml"), "rules:\n  - id: PATH-020\n    enabled: false\n");

        var (builtInExit, builtIn, _) = await VanguardAsync(["check", "--json", EnvRead], token);
        var (exit, stdout, stderr) = await VanguardAsync(["check", "--rules-dir", _folder.Path, "--json", EnvRead], token);
        var (awsExit, aws, _) = await VanguardAsync(["check", "--rules-dir", _folder.Path, "--json", AwsRead], token);
        var (_, shown, _) = await VanguardAsync(["rules", "show", "PATH-020", "--rules-dir", _folder.Path], token);

        Assert.Equal(1, builtInExit);
        Assert.Contains(Rules(builtIn), id => id == "PATH-020");
        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.True((bool)JsonNode.Parse(stdout)!["forwarded"]!);
        Assert.DoesNotContain(Rules(stdout), id => id == "PATH-020");
        Assert.Equal(1, awsExit);
        Assert.Contains(Rules(aws), id => id == "PATH-012");
        Assert.Contains("kind:      analyzer", shown);
        Assert.Contains("enabled:   false", shown);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_rules_directory_that_disables_a_fail_closed_rule_is_refused_at_start()
    {
        var token = TestContext.Current.CancellationToken;
        File.WriteAllText(_folder.File("open.yaml"), "rules:\n  - id: VG-002\n    enabled: false\n");

        var (exit, _, stderr) = await VanguardAsync(["check", "--rules-dir", _folder.Path, "--json", EnvRead], token);

        Assert.Equal(2, exit);
        Assert.Contains("VG-002", stderr);
        Assert.Contains("cannot be disabled", stderr);
    }

    private static IEnumerable<string> Rules(string checkJson)
        => JsonNode.Parse(checkJson)!["findings"]!.AsArray().Select(f => (string)f!["rule"]!);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> VanguardAsync(IEnumerable<string> arguments, CancellationToken token)
    {
        var info = new ProcessStartInfo(TestEnvironment.VanguardProgram) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in TestEnvironment.VanguardArguments(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(token);
        patience.CancelAfter(TimeSpan.FromMinutes(1));
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
