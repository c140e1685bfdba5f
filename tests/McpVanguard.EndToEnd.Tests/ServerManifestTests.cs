using System.Security.Cryptography;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpVanguard.EndToEnd;

/// <summary>
/// A signed server manifest through the real <c>vanguard</c>: a tiny MCP server from tests/node/packages is packed with
/// <c>npm pack</c> and installed offline into a temporary project, <c>vanguard manifest create --sign</c> describes it,
/// and <c>vanguard start -- npx --offline PKG</c> checks the package before spawning it. Verified, it starts under
/// strict and answers the official SDK client; with one file of the package changed, strict does not start it and
/// balanced starts it with a warning, both audited as TRUST-001. Nothing touches the network.
/// </summary>
public sealed class ServerManifestTests : IDisposable
{
    private const string Package = "@vanguard-test/tiny-mcp-server";
    private static readonly string[] Launch = ["npx", "--offline", Package];

    private readonly TemporaryFolder _folder = new("vanguard-e2e-manifest-");

    public ServerManifestTests()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(PrivateKey, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(PublicKey, key.ExportSubjectPublicKeyInfoPem());
        Directory.CreateDirectory(Project);
    }

    public void Dispose() => _folder.Dispose();

    private string Project => _folder.File("project");

    private string PrivateKey => _folder.File("team.pem");

    private string PublicKey => _folder.File("team.pub");

    private string Manifest => _folder.File("tiny.manifest.json");

    private string AuditLog => _folder.File("audit.jsonl");

    /// <summary>npm's cache for these runs only: npx and vanguard both read it (npm_config_cache), and the user's stays untouched.</summary>
    private Dictionary<string, string?> Environment => new()
    {
        ["npm_config_cache"] = _folder.File("npm-cache"),
        ["npm_config_update_notifier"] = "false",
        ["VANGUARD_TRUST_MANIFEST"] = Manifest,
        ["VANGUARD_TRUST_MANIFEST_KEY"] = PublicKey,
    };

    [Fact(Timeout = 240_000)]
    public async Task A_verified_npm_server_starts_under_strict_and_answers_the_sdk_client()
    {
        var token = TestContext.Current.CancellationToken;
        await InstallAndSignAsync(token);

        var verify = await VanguardRun.RunAsync(["manifest", "verify", Manifest, "--key", PublicKey], token, Environment, Project);
        Assert.True(verify.ExitCode == 0, verify.ToString());

        var stderr = new List<string>();
        await using (var client = await ConnectAsync("strict", stderr, token))
        {
            var tools = await client.ListToolsAsync(cancellationToken: token);
            Assert.Equal("echo", Assert.Single(tools).Name);
            var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "hi" }, cancellationToken: token);
            Assert.Equal("Echo: hi", ((TextContentBlock)result.Content[0]).Text);
        }

        Assert.Contains(stderr, line => line.Contains($"manifest: {Package}@1.0.0 verified", StringComparison.Ordinal));
    }

    [Fact(Timeout = 240_000)]
    public async Task A_tampered_package_does_not_start_under_strict_and_starts_with_a_warning_under_balanced()
    {
        var token = TestContext.Current.CancellationToken;
        await InstallAndSignAsync(token);
        File.AppendAllText(Path.Combine(Project, "node_modules", "@vanguard-test", "tiny-mcp-server", "server.js"), "\n// an edit after installation\n");

        var strict = await VanguardRun.RunAsync(["start", "--profile", "strict", "--audit-log", AuditLog, "--pins-file", _folder.File("pins.json"), "--", .. Launch], token, Environment, Project);
        Assert.True(strict.ExitCode == 2, strict.ToString());
        Assert.Contains("refusing to start server 'default'", strict.Stderr, StringComparison.Ordinal);
        Assert.Contains("differ from the manifest's", strict.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"verdict\":\"block\",\"rule_ids\":[\"TRUST-001\"]", File.ReadAllText(AuditLog), StringComparison.Ordinal);

        var stderr = new List<string>();
        await using (var client = await ConnectAsync("balanced", stderr, token))
        {
            var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "still here" }, cancellationToken: token);
            Assert.Equal("Echo: still here", ((TextContentBlock)result.Content[0]).Text);
        }

        Assert.Contains(stderr, line => line.Contains("WARNING (TRUST-001)", StringComparison.Ordinal) && line.Contains("differ from the manifest's", StringComparison.Ordinal));
        Assert.Contains("\"verdict\":\"warn\",\"rule_ids\":[\"TRUST-001\"]", File.ReadAllText(AuditLog), StringComparison.Ordinal);
    }

    [Fact(Timeout = 240_000)]
    public async Task A_manifest_changed_after_signing_or_signed_by_another_key_refuses_start_under_strict()
    {
        var token = TestContext.Current.CancellationToken;
        await InstallAndSignAsync(token);
        var original = File.ReadAllText(Manifest);

        File.WriteAllText(Manifest, original.Replace("\"server_id\": \"default\"", "\"server_id\": \"other\"", StringComparison.Ordinal));
        var edited = await StartStrictAsync(token);
        Assert.True(edited.ExitCode == 2, edited.ToString());
        Assert.Contains("changed after signing", edited.Stderr, StringComparison.Ordinal);

        File.WriteAllText(Manifest, original);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(_folder.File("other.pem"), other.ExportPkcs8PrivateKeyPem());
        var resign = await VanguardRun.RunAsync(["manifest", "sign", Manifest, "--key", _folder.File("other.pem")], token, Environment, Project);
        Assert.True(resign.ExitCode == 0, resign.ToString());
        var foreign = await StartStrictAsync(token);
        Assert.True(foreign.ExitCode == 2, foreign.ToString());
        Assert.Contains("signed by another key", foreign.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 240_000)]
    public async Task Serve_checks_each_servers_entry_and_strict_requires_a_manifest_for_an_npm_server()
    {
        var token = TestContext.Current.CancellationToken;
        await InstallAndSignAsync(token);
        File.AppendAllText(Path.Combine(Project, "node_modules", "@vanguard-test", "tiny-mcp-server", "server.js"), "\n// an edit after installation\n");
        var config = _folder.File("vanguard.yaml");
        File.WriteAllText(config, $"""
            servers:
              - id: tiny
                command: {string.Join(' ', Launch)}
                manifest: "{Manifest}"
                manifest_key: "{PublicKey}"
              - id: plain
                command: dotnet not-an-npm-server.dll
            """);
        var withoutTrustKeys = new Dictionary<string, string?>(Environment) { ["VANGUARD_TRUST_MANIFEST"] = null, ["VANGUARD_TRUST_MANIFEST_KEY"] = null };

        var serve = await VanguardRun.RunAsync(["serve", "--profile", "strict", "--config", config, "--port", "0", "--audit-log", AuditLog, "--pins-file", _folder.File("pins.json")], token, withoutTrustKeys, Project);
        Assert.True(serve.ExitCode == 2, serve.ToString());
        Assert.Contains("refusing to start server 'tiny'", serve.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("'plain'", serve.Stderr, StringComparison.Ordinal);

        // trust.require_manifests is on under strict: an npm server with no manifest at all does not start either.
        var unlisted = await VanguardRun.RunAsync(["start", "--profile", "strict", "--audit-log", AuditLog, "--pins-file", _folder.File("pins.json"), "--", .. Launch], token, withoutTrustKeys, Project);
        Assert.True(unlisted.ExitCode == 2, unlisted.ToString());
        Assert.Contains("runs an npm package and has no manifest (trust.require_manifests is on, from profile:strict)", unlisted.Stderr, StringComparison.Ordinal);
    }

    private Task<VanguardRun.Result> StartStrictAsync(CancellationToken token)
        => VanguardRun.RunAsync(["start", "--profile", "strict", "--audit-log", AuditLog, "--pins-file", _folder.File("pins.json"), "--", .. Launch], token, Environment, Project);

    /// <summary>npm pack of the test package, installed offline into the project; then the manifest, created and signed by vanguard.</summary>
    private async Task InstallAndSignAsync(CancellationToken token)
    {
        var source = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "node", "packages", "tiny-mcp-server");
        var pack = await VanguardRun.RunProgramAsync("npm", ["pack", source, "--pack-destination", _folder.Path, "--silent"], token, Environment, _folder.Path);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var tarball = Path.Combine(_folder.Path, pack.Stdout.Trim().Split('\n')[^1].Trim());
        var install = await VanguardRun.RunProgramAsync("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], token, Environment, Project);
        Assert.True(install.ExitCode == 0, install.ToString());

        var create = await VanguardRun.RunAsync(["manifest", "create", "--server", string.Join(' ', Launch), "--out", Manifest, "--sign", PrivateKey], token, Environment, Project);
        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.Contains($"{Package}@1.0.0 (sha512-", create.Stdout, StringComparison.Ordinal);
    }

    private async Task<McpClient> ConnectAsync(string profile, List<string> stderr, CancellationToken token)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "vanguard",
            Command = TestEnvironment.VanguardProgram,
            Arguments = [.. TestEnvironment.StartArguments(["--profile", profile, "--audit-log", AuditLog, "--pins-file", _folder.File("pins-" + profile + ".json")], Launch)],
            WorkingDirectory = Project,
            EnvironmentVariables = Environment,
            StandardErrorLines = line =>
            {
                lock (stderr)
                {
                    stderr.Add(line);
                }
            },
        });
        return await McpClient.CreateAsync(transport, cancellationToken: token);
    }
}
