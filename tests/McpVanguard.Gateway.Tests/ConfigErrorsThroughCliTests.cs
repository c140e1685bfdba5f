using System.Diagnostics;

namespace McpVanguard.Gateway.Tests;

/// <summary>A typo in any section of vanguard.yaml fails every command, through the real <c>vanguard</c> process, with all errors at file:line:column.</summary>
public sealed class ConfigErrorsThroughCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vanguard-config-cli-").FullName;

    // One typo in each section: scalar keys, servers:, auth:, access:.
    private const string Typos = """
        limits:
          max_depht: 32
        servers:
          - id: files
            comand: npx server
        auth:
          rate_limt: {requests_per_minute: 60}
        access:
          rules:
            - principals: [key:ci]
              allow_tool: [echo]
        """;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("start", "--", "true")]
    [InlineData("check", "{}")]
    [InlineData("replay", "-")]
    [InlineData("config", "show")]
    [InlineData("serve", "--port", "0")]
    public async Task A_typo_in_every_section_fails_the_command_and_all_are_reported(params string[] command)
    {
        var file = Write(Typos);
        // --config right after the command name: what follows "--" in start is the server's command line.
        var words = command[0] == "config" ? 2 : 1;
        var (code, _, error) = await RunAsync([.. command[..words], "--config", file, .. command[words..]]);

        Assert.Equal(2, code);
        Assert.Contains($"{file}:2:3: unknown key 'limits.max_depht' (did you mean 'limits.max_depth'?)", error);
        Assert.Contains($"{file}:5:5: unknown key 'servers.comand' (did you mean 'command'?)", error);
        Assert.Contains($"{file}:7:3: unknown key 'rate_limt' in 'auth' (did you mean 'rate_limit'?)", error);
        Assert.Contains($"{file}:11:7: unknown key 'allow_tool' in an access rule (did you mean 'allow_tools'?)", error);
    }

    [Fact]
    public async Task Config_show_prints_every_section_with_secrets_masked()
    {
        var file = Write("""
            servers:
              - id: remote
                url: https://bob:hunter2@mcp.example.com/mcp?token=sk-live-123
                headers:
                  Authorization: Bearer upstream-token-abc
              - id: local
                command: node server.js
                env: { DB_PASSWORD: pa55word-xyz }
            auth:
              api_keys: [{name: ci, key_env: CI_KEY, roles: [deploy]}]
              jwt:
                issuer: https://login.example.com/
                audience: https://gw.example.com/mcp
                secret_env: JWT_SECRET
            access:
              default: allow
              rules:
                - principals: [key:ci]
                  deny_tools: [rm]
            """);
        var env = new Dictionary<string, string> { ["CI_KEY"] = "ci-key-0123456789abcdef", ["JWT_SECRET"] = new string('j', 40) };
        var (code, output, error) = await RunAsync(["config", "show", "--config", file], env);

        Assert.True(code == 0, error);
        // The table wraps long cells at 80 columns when redirected, so only short tokens are looked for.
        var flat = string.Concat(output.Where(c => !char.IsWhiteSpace(c)));
        foreach (var secret in new[] { "hunter2", "sk-live-123", "upstream-token-abc", "pa55word-xyz", "ci-key-0123456789abcdef", new string('j', 40), "bob" })
        {
            Assert.DoesNotContain(secret, flat, StringComparison.Ordinal);
        }

        foreach (var shown in new[] { "mcp.example.com", "deploy", "auth.jwt.issuer", "access.default", "deny=[rm]", "****" })
        {
            Assert.True(flat.Contains(shown, StringComparison.Ordinal), $"'{shown}' not in: {output}");
        }
    }

    private string Write(string yaml)
    {
        var file = Path.Combine(_folder, $"vanguard-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(IReadOnlyList<string> arguments, Dictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(TestPeers.VanguardProgram) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.Environment["COLUMNS"] = "400";
        foreach (var (name, value) in environment ?? [])
        {
            info.Environment[name] = value;
        }

        foreach (var argument in TestPeers.VanguardArguments(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
