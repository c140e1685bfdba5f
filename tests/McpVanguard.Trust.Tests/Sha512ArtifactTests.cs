using System.Security.Cryptography;
using McpVanguard.Core.Trust;
using McpVanguard.Trust.Tests.Conformance;

namespace McpVanguard.Trust.Tests;

/// <summary>
/// An artifact known only by its SHA-512 (an npm tarball's integrity, which npm provenance names as the statement's
/// subject) is matched against SHA-512 subjects only: never against a SHA-256 one, and never for a message signature.
/// </summary>
public sealed class Sha512ArtifactTests
{
    [Fact]
    public void A_statement_that_names_only_the_sha256_does_not_verify_a_sha512_artifact()
    {
        var conformance = ConformanceCase.Load("happy-path-intoto-in-dsse-v3");
        var sha512 = SHA512.HashData(File.ReadAllBytes(conformance.ArtifactPath));

        var result = new SigstoreBundleVerifier().Verify(SigstoreArtifact.FromSha512Digest(sha512), File.ReadAllText(conformance.BundlePath), conformance.Policy());

        Assert.False(result.Verified);
        Assert.Contains("sha512 digest", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_signature_needs_the_sha256()
    {
        var conformance = ConformanceCase.Load("happy-path-v0.3");
        var sha512 = SHA512.HashData(File.ReadAllBytes(conformance.ArtifactPath));

        var result = new SigstoreBundleVerifier().Verify(SigstoreArtifact.FromSha512Digest(sha512), File.ReadAllText(conformance.BundlePath), conformance.Policy());

        Assert.False(result.Verified);
        Assert.Contains("only its SHA-512 is known", result.Reason, StringComparison.Ordinal);
    }
}
