using System.Diagnostics;
using System.Text.Json;
using McpVanguard.Core.Trust;

namespace McpVanguard.Trust.Tests.Conformance;

/// <summary>
/// Our verdict equals the official JavaScript verifier's (@sigstore/verify, the engine of npm's `sigstore`) on a sample
/// covering each bundle version, content kind, Rekor v1/v2, key-signed bundles and each class of failure.
/// Known, documented difference (not sampled): trust-root-tlog-missing-validity-start_fail, which @sigstore/verify 4.1.3
/// accepts (it reads a missing start as unbounded) and the conformance suite and we refuse.
/// </summary>
public sealed class OfficialVerifierCrossCheckTests
{
    public static TheoryData<string> Sample() => new(
        "happy-path-v0.1",
        "happy-path-v0.2",
        "happy-path-v0.3-new-mediaType",
        "happy-path-intoto-in-dsse-v3",
        "intoto-with-custom-trust-root",
        "rekor2-happy-path",
        "rekor2-dsse-happy-path",
        "rekor2-timestamp-with-embedded-cert",
        "managed-key-happy-path",
        "bundle-with-sct-with-extensions",
        "checkpoint-bad-keyhint_fail",
        "inclusion-proof-corrupted-hash_fail",
        "set-invalid-signature_fail",
        "invalid-ct-key_fail",
        "intoto-expired-certificate_fail",
        "dsse-mismatch-sig_fail",
        "rekor2-timestamp-payload-mismatch_fail",
        "rekor2-timestamp-untrusted-tsa-with-embedded-cert_fail",
        "rekor2-checkpoint-no-matching-signature_fail",
        "bundle-from-wrong-instance_fail",
        "wrong-material_fail");

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Sample))]
    public async Task Our_verdict_is_the_official_verifiers(string name)
    {
        var modules = Environment.GetEnvironmentVariable("VANGUARD_TEST_NODE_MODULES") is { Length: > 0 } overridden
            ? overridden
            : Path.Combine(RepositoryPaths.Root, "tests", "node", "node_modules");
        if (!File.Exists(Path.Combine(modules, "@sigstore", "verify", "package.json")))
        {
            Assert.Skip($"@sigstore/verify is not installed in {modules}: run scripts/install-test-deps.sh");
        }

        var conformance = ConformanceCase.Load(name);
        var theirs = await RunOfficialAsync(modules, conformance, TestContext.Current.CancellationToken);
        var ours = new SigstoreBundleVerifier().Verify(
            SigstoreArtifact.FromBytes(File.ReadAllBytes(conformance.ArtifactPath)), File.ReadAllText(conformance.BundlePath), conformance.Policy());

        Assert.True(theirs.Verified == ours.Verified, $"{name}: official verifier {(theirs.Verified ? "verified" : "refused")} ({theirs.Reason}); we {(ours.Verified ? "verified" : "refused")} ({ours.Reason})");
        Assert.Equal(conformance.ShouldPass, ours.Verified);
    }

    private static async Task<(bool Verified, string Reason)> RunOfficialAsync(string modules, ConformanceCase conformance, CancellationToken token)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "tests", "node", "fixtures", "sigstore-official-verify.mjs"));
        info.ArgumentList.Add(modules);
        info.ArgumentList.Add(conformance.BundlePath);
        info.ArgumentList.Add(conformance.ArtifactPath);
        info.ArgumentList.Add(conformance.TrustedRootPath ?? Path.Combine(RepositoryPaths.Root, "src", "McpVanguard.Trust", "Roots", "public-good-trusted-root.json"));
        if (conformance.KeyPath is { } key)
        {
            info.ArgumentList.Add("--key");
            info.ArgumentList.Add(key);
        }
        else
        {
            info.ArgumentList.Add("--identity");
            info.ArgumentList.Add(conformance.Identity);
            info.ArgumentList.Add("--issuer");
            info.ArgumentList.Add(conformance.Issuer);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(token);
        var stderr = process.StandardError.ReadToEndAsync(token);
        await process.WaitForExitAsync(token);
        var line = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException("the official verifier printed nothing: " + await stderr);
        using var result = JsonDocument.Parse(line);
        return (result.RootElement.GetProperty("verified").GetBoolean(), result.RootElement.GetProperty("reason").GetString() ?? "");
    }
}
