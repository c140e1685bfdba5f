using System.Security.Cryptography;

namespace McpVanguard.EndToEnd;

/// <summary>
/// Signed rule packs through the real <c>vanguard</c>: <c>rules sign</c>/<c>rules verify</c> for the author, and the
/// engine every inspecting command composes (<c>check</c>, <c>start</c>) refusing an unsigned pack under strict and a
/// tampered or wrongly signed one always, with a clear error.
/// </summary>
public sealed class SignedRulePackTests : IDisposable
{
    private const string EnvRead = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_file","arguments":{"path":".env"}}}""";

    private readonly TemporaryFolder _folder = new("vanguard-e2e-rulepack-");

    public SignedRulePackTests()
    {
        Directory.CreateDirectory(Pack);
        File.WriteAllText(Path.Combine(Pack, "local.yaml"), "rules:\n  - id: PATH-020\n    enabled: false\n");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(PrivateKey, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(PublicKey, key.ExportSubjectPublicKeyInfoPem());
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(OtherPrivateKey, other.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose() => _folder.Dispose();

    private string Pack => _folder.File("pack");

    private string PrivateKey => _folder.File("team.pem");

    private string PublicKey => _folder.File("team.pub");

    private string OtherPrivateKey => _folder.File("other.pem");

    private Dictionary<string, string?> Pinned => new() { ["VANGUARD_RULES_PUBLIC_KEY"] = PublicKey };

    [Fact(Timeout = 180_000)]
    public async Task A_signed_pack_loads_under_strict_and_a_changed_file_is_refused()
    {
        var token = TestContext.Current.CancellationToken;
        var sign = await VanguardRun.RunAsync(["rules", "sign", "--rules-dir", Pack, "--key", PrivateKey], token);
        Assert.True(sign.ExitCode == 0, sign.ToString());
        Assert.True(File.Exists(Path.Combine(Pack, "rules.sigstore.json")));

        var verify = await VanguardRun.RunAsync(["rules", "verify", "--rules-dir", Pack, "--key", PublicKey], token);
        Assert.True(verify.ExitCode == 0, verify.ToString());

        // The pack's override is in force: .env reads are no longer blocked by PATH-020.
        var check = await VanguardRun.RunAsync(["check", "--profile", "strict", "--rules-dir", Pack, "--json", EnvRead], token, Pinned);
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.DoesNotContain("PATH-020", check.Stdout, StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(Pack, "local.yaml"), "  - id: PATH-012\n    enabled: false\n");
        var tampered = await VanguardRun.RunAsync(["check", "--profile", "strict", "--rules-dir", Pack, "--json", EnvRead], token, Pinned);
        Assert.True(tampered.ExitCode == 2, tampered.ToString());
        Assert.Contains("refused", tampered.Stderr, StringComparison.Ordinal);
        Assert.Contains("changed after signing", tampered.Stderr, StringComparison.Ordinal);

        var verifyTampered = await VanguardRun.RunAsync(["rules", "verify", "--rules-dir", Pack, "--key", PublicKey], token);
        Assert.True(verifyTampered.ExitCode == 1, verifyTampered.ToString());

        // A signature is checked whenever it is present, even where it is not required.
        var balanced = await VanguardRun.RunAsync(["check", "--profile", "balanced", "--rules-dir", Pack, "--json", EnvRead], token, Pinned);
        Assert.True(balanced.ExitCode == 2, balanced.ToString());
    }

    [Fact(Timeout = 180_000)]
    public async Task A_file_added_to_a_signed_pack_is_refused()
    {
        var token = TestContext.Current.CancellationToken;
        Assert.Equal(0, (await VanguardRun.RunAsync(["rules", "sign", "--rules-dir", Pack, "--key", PrivateKey], token)).ExitCode);
        File.WriteAllText(Path.Combine(Pack, "zz-extra.yml"), "rules:\n  - id: PATH-012\n    enabled: false\n");

        var run = await VanguardRun.RunAsync(["check", "--profile", "strict", "--rules-dir", Pack, "--json", EnvRead], token, Pinned);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("changed after signing", run.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_pack_signed_with_another_key_is_refused()
    {
        var token = TestContext.Current.CancellationToken;
        Assert.Equal(0, (await VanguardRun.RunAsync(["rules", "sign", "--rules-dir", Pack, "--key", OtherPrivateKey], token)).ExitCode);

        var run = await VanguardRun.RunAsync(["check", "--profile", "strict", "--rules-dir", Pack, "--json", EnvRead], token, Pinned);
        var verify = await VanguardRun.RunAsync(["rules", "verify", "--rules-dir", Pack, "--key", PublicKey], token);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("signed by another key", run.Stderr, StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 1, verify.ToString());
    }

    [Fact(Timeout = 180_000)]
    public async Task Strict_refuses_an_unsigned_pack_at_start_and_balanced_loads_it()
    {
        var token = TestContext.Current.CancellationToken;

        var strict = await VanguardRun.RunAsync(["start", "--profile", "strict", "--rules-dir", Pack, "--pins-file", _folder.File("pins.json"), "--audit-log", _folder.File("audit.jsonl"), "--", .. MaliciousServerTests.MaliciousServer], token, Pinned);
        var balanced = await VanguardRun.RunAsync(["check", "--profile", "balanced", "--rules-dir", Pack, "--json", EnvRead], token);
        var optedIn = await VanguardRun.RunAsync(["check", "--profile", "balanced", "--rules-dir", Pack, "--json", EnvRead], token, new Dictionary<string, string?> { ["VANGUARD_RULES_REQUIRE_SIGNATURE"] = "true", ["VANGUARD_RULES_PUBLIC_KEY"] = PublicKey });

        Assert.True(strict.ExitCode == 2, strict.ToString());
        Assert.Contains("not signed", strict.Stderr, StringComparison.Ordinal);
        Assert.Contains("rules.require_signature is on", strict.Stderr, StringComparison.Ordinal);
        Assert.True(balanced.ExitCode == 0, balanced.ToString());
        Assert.True(optedIn.ExitCode == 2, optedIn.ToString());
    }

    [Fact(Timeout = 120_000)]
    public async Task Strict_without_a_rules_directory_runs_the_built_in_rules()
    {
        var run = await VanguardRun.RunAsync(["check", "--profile", "strict", "--json", EnvRead], TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("PATH-020", run.Stdout, StringComparison.Ordinal);
    }
}
