using McpVanguard.Core.Trust;

namespace McpVanguard.Trust.Tests.Conformance;

/// <summary>Every sigstore-conformance bundle-verify case gives its expected verdict through the library verifier.</summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases() => new(ConformanceCase.Names());

    // Why each failing case must fail (a fragment of our reason), so a refusal for an unrelated reason — a parse slip that
    // happens to refuse — does not count as passing the case. Taken from each case's README.
    private static readonly Dictionary<string, string> ExpectedReasons = new(StringComparer.Ordinal)
    {
        ["bundle-empty-certificate-chain_fail"] = "certificate chain is empty",
        ["bundle-from-wrong-instance_fail"] = "log the trusted root does not know",
        ["bundle-invalid-base64-signature_fail"] = "not valid base64",
        ["bundle-malformed-json_fail"] = "not valid JSON",
        ["bundle-negative-log-index_fail"] = "negative",
        ["bundle-unknown-version_fail"] = "unsupported bundle media type",
        ["bundle-with-root-cert_fail"] = "contains a root certificate",
        ["checkpoint-bad-keyhint_fail"] = "checkpoint carries no valid signature",
        ["checkpoint-wrong-roothash_fail"] = "checkpoint is for a different tree",
        ["dsse-invalid-sig_fail"] = "DSSE envelope's signature does not verify",
        ["dsse-mismatch-envelope_fail"] = "different DSSE payload",
        ["dsse-mismatch-sig_fail"] = "different DSSE signature",
        ["inclusion-proof-corrupted-hash_fail"] = "inclusion proof does not lead",
        ["incorrect-public-key_fail"] = "different signing certificate or key",
        ["integrated-time-in-future_fail"] = "NotTimeValid",
        ["intoto-expired-certificate_fail"] = "NotTimeValid",
        ["intoto-log-entry-mismatch_fail"] = "different DSSE signature",
        ["intoto-missing-inclusion-proof_fail"] = "no inclusion proof",
        ["intoto-set-outside-signing-cert-validity_fail"] = "NotTimeValid",
        ["intoto-tsa-timestamp-outside-cert-validity_fail"] = "NotTimeValid",
        ["invalid-checkpoint-signature_fail"] = "checkpoint carries no valid signature",
        ["invalid-ct-key_fail"] = "no SCT in the certificate verifies",
        ["invalid-inclusion-proof_fail"] = "inclusion proof does not lead",
        ["managed-key-no-key_fail"] = "give the public key",
        ["managed-key-wrong-key_fail"] = "public key is not a well-formed PEM",
        ["message-digest-mismatch_fail"] = "message digest is not the artifact's",
        ["rekor2-checkpoint-missing-log-signature_fail"] = "checkpoint carries no signature",
        ["rekor2-checkpoint-missing-origin_fail"] = "checkpoint lacks",
        ["rekor2-checkpoint-missing-root-hash_fail"] = "checkpoint lacks",
        ["rekor2-checkpoint-missing-size_fail"] = "checkpoint lacks",
        ["rekor2-checkpoint-no-matching-signature_fail"] = "checkpoint carries no valid signature",
        ["rekor2-dsse-invalid-sig_fail"] = "DSSE envelope's signature does not verify",
        ["rekor2-dsse-mismatch-envelope_fail"] = "different artifact digest",
        ["rekor2-dsse-mismatch-sig_fail"] = "different signature",
        ["rekor2-no-inclusion-proof_fail"] = "no inclusion proof",
        ["rekor2-no-timestamp_fail"] = "no verified time",
        ["rekor2-timestamp-outside-trust-root-tsa-validity_fail"] = "not signed by a timestamp authority the trusted root trusts at that time",
        ["rekor2-timestamp-outside-tsa-cert-validity_fail"] = "embedded signing certificate does not fit it",
        ["rekor2-timestamp-payload-mismatch_fail"] = "over something other than the bundle's signature",
        ["rekor2-timestamp-untrusted-tsa-with-embedded-cert_fail"] = "not signed by a timestamp authority",
        ["rekor2-timestamp-untrusted-tsa-without-embedded-cert_fail"] = "not signed by a timestamp authority",
        ["rekor2-timestamp-with-incorrect-time_fail"] = "NotTimeValid",
        ["set-invalid-signature_fail"] = "signed entry timestamp (SET) does not verify",
        ["signature-mismatch_fail"] = "signature does not verify over the artifact",
        ["trust-root-tlog-missing-validity-start_fail"] = "validFor has no start",
        ["wrong-hashedrekord-artifact_fail"] = "different artifact digest",
        ["wrong-hashedrekord-cert-and-sig_fail"] = "different signature",
        ["wrong-hashedrekord-entry_fail"] = "different artifact digest",
        ["wrong-material_fail"] = "message digest is not the artifact's",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_gives_the_expected_verdict(string name)
    {
        var conformance = ConformanceCase.Load(name);
        var result = new SigstoreBundleVerifier().Verify(
            SigstoreArtifact.FromBytes(File.ReadAllBytes(conformance.ArtifactPath)),
            File.ReadAllText(conformance.BundlePath),
            conformance.Policy());

        output.WriteLine($"{name}: {(result.Verified ? "verified" : "refused")}: {result.Reason}");
        Assert.True(conformance.ShouldPass == result.Verified, $"{name}: expected {(conformance.ShouldPass ? "success" : "failure")}, got: {result.Reason}");
        if (!conformance.ShouldPass)
        {
            Assert.True(ExpectedReasons.TryGetValue(name, out var reason), $"{name}: a new failing case needs its expected reason here");
            Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_suite_is_all_there()
    {
        // 70 cases as copied; a lost folder would silently shrink the theory.
        Assert.Equal(70, ConformanceCase.Names().Count());
    }
}
