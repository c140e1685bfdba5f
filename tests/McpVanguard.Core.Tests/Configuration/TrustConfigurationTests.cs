using McpVanguard.Configuration;

namespace McpVanguard.Tests.Configuration;

/// <summary><c>trust.*</c>, the keyless signer keys of rules and pin baselines, and a <c>servers:</c> entry's manifest: bound and validated at load.</summary>
public sealed class TrustConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-trustcfg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private VanguardOptions Load(string yaml, Dictionary<string, string>? env = null)
    {
        var path = Path.Combine(_dir, "vanguard.yaml");
        File.WriteAllText(path, yaml);
        return ConfigurationLoader.Load(new Dictionary<string, object>(), env ?? [], path, []);
    }

    [Fact]
    public void Manifests_are_required_under_strict_only_by_default()
    {
        Assert.False(Load("profile: balanced\n").Trust.RequireManifests);
        var strict = Load("profile: strict\n").Trust;
        Assert.True(strict.RequireManifests);
        Assert.Equal("profile:strict", strict.RequireManifestsSource);
        Assert.False(Load("profile: strict\ntrust:\n  require_manifests: false\n").Trust.RequireManifests);
    }

    [Fact]
    public void The_manifest_its_key_and_signers_bind_from_file_and_environment()
    {
        var options = Load("""
            trust:
              manifest: /etc/vanguard/files.manifest.json
              manifest_key: /etc/vanguard/team.pub
            rules:
              identity: "regex:https://github\\.com/acme/rules/\\.github/workflows/.*"
              issuer: https://token.actions.githubusercontent.com
            """, new() { ["VANGUARD_PINS_BASELINE_IDENTITY"] = "security@acme.example", ["VANGUARD_PINS_BASELINE_ISSUER"] = "https://accounts.google.com" });
        Assert.Equal(("/etc/vanguard/files.manifest.json", "/etc/vanguard/team.pub"), (options.Trust.Manifest.Path, options.Trust.Manifest.KeyPath));
        Assert.Equal((null, "https://github\\.com/acme/rules/\\.github/workflows/.*"), (options.Trust.RulesSigner!.Identity, options.Trust.RulesSigner.IdentityPattern));
        Assert.Equal(("security@acme.example", "https://accounts.google.com"), (options.Trust.PinsBaselineSigner!.Identity, options.Trust.PinsBaselineSigner.Issuer));
    }

    [Fact]
    public void An_identity_without_its_issuer_and_a_pattern_without_a_linear_time_match_are_errors()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load("""
            rules:
              identity: someone@acme.example
            pins:
              baseline_issuer: https://accounts.google.com
            trust:
              manifest_identity: "regex:(a)\\1"
              manifest_issuer: https://token.actions.githubusercontent.com
            """));
        var text = string.Join('\n', ex.Errors);
        Assert.Contains("'rules.identity' needs 'rules.issuer'", text, StringComparison.Ordinal);
        Assert.Contains("'pins.baseline_issuer' needs 'pins.baseline_identity'", text, StringComparison.Ordinal);
        Assert.Contains("'trust.manifest_identity' has an invalid pattern", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_servers_entry_carries_its_manifest_and_a_remote_one_cannot()
    {
        var options = Load("""
            servers:
              - id: files
                command: npx -y @modelcontextprotocol/server-filesystem /srv
                manifest: files.manifest.json
                manifest_identity: ops@acme.example
                manifest_issuer: https://accounts.google.com
              - id: plain
                command: python -m server
            """);
        var files = options.Servers.Single(s => s.Id == "files").Manifest!;
        Assert.Equal(("files.manifest.json", "ops@acme.example"), (files.Path, files.Signer!.Identity));
        Assert.Null(options.Servers.Single(s => s.Id == "plain").Manifest);

        var ex = Assert.Throws<ConfigurationException>(() => Load("""
            servers:
              - id: remote
                url: https://mcp.example.com/mcp
                manifest: remote.manifest.json
              - id: keyonly
                command: npx -y pkg
                manifest_key: team.pub
            """));
        var text = string.Join('\n', ex.Errors);
        Assert.Contains("apply only to a 'command' server", text, StringComparison.Ordinal);
        Assert.Contains("none is given", text, StringComparison.Ordinal);
    }
}
