using McpVanguard.Configuration;
using McpVanguard.Core.Trust;
using McpVanguard.Inspection.Rules;
using McpVanguard.Integrity;

namespace McpVanguard.Tests.Trust;

/// <summary>
/// A keyless (certificate) signature on a rule pack or a pin baseline is refused without a configured identity and
/// issuer, and with them goes to the Sigstore verifier with exactly that identity (<c>rules.identity</c>,
/// <c>pins.baseline_identity</c>), never with the pinned key.
/// </summary>
public sealed class KeylessSignerPolicyTests : IDisposable
{
    private const string KeylessBundle = """{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":{"certificate":{"rawBytes":"AA=="}}}""";

    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-keyless-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private VanguardOptions Load(string yaml)
    {
        var path = Path.Combine(_dir, "vanguard.yaml");
        File.WriteAllText(path, yaml);
        return ConfigurationLoader.Load(new Dictionary<string, object>(), new Dictionary<string, string>(), path, []);
    }

    private string RulesDirectory()
    {
        var rules = Path.Combine(_dir, "rules");
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, "team.yaml"), "rules: []\n");
        File.WriteAllText(Path.Combine(rules, RulePack.SignatureFileName), KeylessBundle);
        return rules;
    }

    [Fact]
    public void A_keyless_rule_pack_without_a_configured_identity_is_refused()
    {
        var options = Load($"rules_dir: \"{RulesDirectory()}\"\n");
        var sigstore = new RecordingVerifier();
        var ex = Assert.Throws<RuleLoadException>(() => RulePackLoader.Load(options, sigstore));
        Assert.Contains("no signer identity and issuer are configured", ex.Message, StringComparison.Ordinal);
        Assert.Empty(sigstore.Policies);
    }

    [Fact]
    public void A_keyless_rule_pack_is_judged_by_rules_identity_and_issuer()
    {
        var options = Load($"""
            rules_dir: "{RulesDirectory()}"
            rules:
              identity: "regex:https://github\\.com/acme/rules/.*"
              issuer: https://token.actions.githubusercontent.com
            """);
        var sigstore = new RecordingVerifier();
        _ = RulePackLoader.Load(options, sigstore);
        var policy = Assert.Single(sigstore.Policies);
        Assert.Equal(("https://github\\.com/acme/rules/.*", "https://token.actions.githubusercontent.com", (string?)null), (policy.IdentityPattern, policy.Issuer, policy.PublicKeyPem));
    }

    [Fact]
    public void A_keyless_pin_baseline_is_judged_by_the_baseline_identity_and_refused_without_one()
    {
        var baseline = Path.Combine(_dir, "team-pins.json");
        File.WriteAllText(baseline, """{"version":2,"servers":{}}""");
        File.WriteAllText(SignedPinBaseline.SignaturePath(baseline), KeylessBundle);
        var sigstore = new RecordingVerifier();
        var verifier = new ArtifactSignatureVerifier(sigstore);

        var refused = Assert.Throws<PinStoreException>(() => SignedPinBaseline.Read(baseline, new SigstorePolicy(), verifier));
        Assert.Contains("no signer identity and issuer are configured", refused.Message, StringComparison.Ordinal);

        var signer = Load("pins:\n  baseline_identity: security@acme.example\n  baseline_issuer: https://accounts.google.com\n").Trust.PinsBaselineSigner!;
        Assert.Empty(SignedPinBaseline.Read(baseline, signer.ToPolicy(null), verifier).Servers);
        Assert.Equal(("security@acme.example", "https://accounts.google.com"), (sigstore.Policies[0].Identity, sigstore.Policies[0].Issuer));
    }

    /// <summary>Stands in for the Sigstore library and records the policy it was given.</summary>
    private sealed class RecordingVerifier : ISigstoreBundleVerifier
    {
        public List<SigstorePolicy> Policies { get; } = [];

        public SigstoreVerification Verify(SigstoreArtifact artifact, string bundleJson, SigstorePolicy policy)
        {
            Policies.Add(policy);
            return new SigstoreVerification(true, "verified", policy.Identity ?? policy.IdentityPattern);
        }
    }
}
