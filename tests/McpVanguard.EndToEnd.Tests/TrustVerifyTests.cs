namespace McpVanguard.EndToEnd;

/// <summary><c>vanguard trust verify</c> through the real process, on sigstore-conformance bundles: exit codes and reasons.</summary>
public sealed class TrustVerifyTests
{
    private const string Identity = "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
    private const string Issuer = "https://token.actions.githubusercontent.com";

    private static string Cases => Path.Combine(TestEnvironment.RepositoryRoot, "tests", "McpVanguard.Trust.Tests", "Conformance", "assets", "bundle-verify");

    private static string Bundle(string name) => Path.Combine(Cases, name, "bundle.sigstore.json");

    private static string Artifact => Path.Combine(Cases, "a.txt");

    [Fact(Timeout = 120_000)]
    public async Task A_good_bundle_exits_0_and_names_the_signer_against_the_embedded_root()
    {
        var run = await VanguardRun.RunAsync(["trust", "verify", Artifact, "--bundle", Bundle("happy-path-v0.3"), "--identity", Identity, "--issuer", Issuer], TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("verified:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(Identity, run.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task GitHub_claims_and_a_custom_trusted_root_are_applied()
    {
        var token = TestContext.Current.CancellationToken;
        string[] common = ["trust", "verify", Artifact, "--bundle", Bundle("rekor2-happy-path"), "--trusted-root", Path.Combine(Cases, "rekor2-happy-path", "trusted_root.json"),
            "--identity-regex", "https://github\\.com/sigstore-conformance/.*", "--issuer", Issuer, "--github-repository", "sigstore-conformance/extremely-dangerous-public-oidc-beacon"];

        var good = await VanguardRun.RunAsync([.. common, "--github-ref", "refs/heads/main", "--json"], token);
        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains("\"verified\":true", good.Stdout, StringComparison.Ordinal);

        var wrongRef = await VanguardRun.RunAsync([.. common, "--github-ref", "refs/heads/attacker"], token);
        Assert.True(wrongRef.ExitCode == 1, wrongRef.ToString());
        Assert.Contains("ref", wrongRef.Stderr, StringComparison.Ordinal);

        // Without --trusted-root the staging-signed bundle meets the production root and must not verify.
        var productionRoot = await VanguardRun.RunAsync(["trust", "verify", Artifact, "--bundle", Bundle("rekor2-happy-path"), "--identity", Identity, "--issuer", Issuer], token);
        Assert.True(productionRoot.ExitCode == 1, productionRoot.ToString());
    }

    [Fact(Timeout = 120_000)]
    public async Task A_tampered_bundle_exits_1_with_the_reason()
    {
        var run = await VanguardRun.RunAsync(["trust", "verify", Artifact, "--bundle", Bundle("set-invalid-signature_fail"), "--identity", Identity, "--issuer", Issuer], TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("signed entry timestamp", run.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_key_signed_bundle_verifies_with_its_key_only()
    {
        var token = TestContext.Current.CancellationToken;
        var good = await VanguardRun.RunAsync(["trust", "verify", Artifact, "--bundle", Bundle("managed-key-happy-path"), "--key", Path.Combine(Cases, "managed-key-happy-path", "key.pub")], token);
        Assert.True(good.ExitCode == 0, good.ToString());

        var noKey = await VanguardRun.RunAsync(["trust", "verify", Artifact, "--bundle", Bundle("managed-key-happy-path"), "--identity", Identity, "--issuer", Issuer], token);
        Assert.True(noKey.ExitCode == 1, noKey.ToString());
    }

    [Fact(Timeout = 120_000)]
    public async Task Bad_input_exits_2()
    {
        var token = TestContext.Current.CancellationToken;
        var missing = await VanguardRun.RunAsync(["trust", "verify", Artifact, "--bundle", Path.Combine(Cases, "no-such-bundle.json"), "--identity", Identity, "--issuer", Issuer], token);
        Assert.True(missing.ExitCode == 2, missing.ToString());

        var nobody = await VanguardRun.RunAsync(["trust", "verify", Artifact, "--bundle", Bundle("happy-path-v0.3")], token);
        Assert.True(nobody.ExitCode == 2, nobody.ToString());

        var backtracking = await VanguardRun.RunAsync(["trust", "verify", Artifact, "--bundle", Bundle("happy-path-v0.3"), "--identity-regex", "(a+)+\\1", "--issuer", Issuer], token);
        Assert.True(backtracking.ExitCode == 2, backtracking.ToString());
    }
}
