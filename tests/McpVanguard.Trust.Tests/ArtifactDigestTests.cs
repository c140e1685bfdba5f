using System.Security.Cryptography;
using McpVanguard.Core.Trust;
using McpVanguard.Trust.Tests.Conformance;

namespace McpVanguard.Trust.Tests;

/// <summary>An artifact given only by its SHA-256 (the bytes are not at hand) verifies the same, for both content kinds.</summary>
public sealed class ArtifactDigestTests
{
    [Theory]
    [InlineData("happy-path-v0.3")]
    [InlineData("happy-path-intoto-in-dsse-v3")]
    [InlineData("rekor2-dsse-happy-path")]
    public void A_digest_only_artifact_verifies(string name)
    {
        var conformance = ConformanceCase.Load(name);
        var digest = SHA256.HashData(File.ReadAllBytes(conformance.ArtifactPath));

        var result = new SigstoreBundleVerifier().Verify(SigstoreArtifact.FromDigest(digest), File.ReadAllText(conformance.BundlePath), conformance.Policy());

        Assert.True(result.Verified, result.Reason);
    }

    [Fact]
    public void Another_digest_is_refused()
    {
        var conformance = ConformanceCase.Load("happy-path-v0.3");
        var result = new SigstoreBundleVerifier().Verify(SigstoreArtifact.FromDigest(SHA256.HashData("other"u8)), File.ReadAllText(conformance.BundlePath), conformance.Policy());

        Assert.False(result.Verified);
    }
}
