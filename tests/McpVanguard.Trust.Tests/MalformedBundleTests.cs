using McpVanguard.Core.Trust;
using McpVanguard.Trust.Tests.Conformance;

namespace McpVanguard.Trust.Tests;

/// <summary>Damaged bundles are refused with a reason, never an exception: one-character edits all through real bundles.</summary>
public sealed class MalformedBundleTests
{
    [Theory]
    [InlineData("happy-path-v0.1")]
    [InlineData("happy-path-intoto-in-dsse-v3")]
    [InlineData("rekor2-happy-path")]
    public void Every_edited_bundle_is_refused_or_still_sound_and_never_throws(string name)
    {
        var conformance = ConformanceCase.Load(name);
        var original = File.ReadAllText(conformance.BundlePath);
        var artifact = SigstoreArtifact.FromBytes(File.ReadAllBytes(conformance.ArtifactPath));
        var policy = conformance.Policy();
        var verifier = new SigstoreBundleVerifier();
        const string replacements = "A/0\"{}-:";

        // Every 53rd character, replaced in turn by characters that break base64, JSON structure and numbers.
        for (var at = 0; at < original.Length; at += 53)
        {
            var edited = string.Concat(original.AsSpan(0, at), replacements[at % replacements.Length].ToString(), original.AsSpan(at + 1));
            var result = verifier.Verify(artifact, edited, policy);
            Assert.False(string.IsNullOrEmpty(result.Reason));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\"}")]
    [InlineData("{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"verificationMaterial\":{\"certificate\":{\"rawBytes\":\"AAAA\"}},\"messageSignature\":{\"signature\":\"AAAA\"}}")]
    [InlineData("{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"verificationMaterial\":{\"certificate\":{\"rawBytes\":7}},\"messageSignature\":{\"signature\":[]}}")]
    public void Nonsense_is_refused_with_a_reason(string bundle)
    {
        var result = new SigstoreBundleVerifier().Verify(SigstoreArtifact.FromBytes("x"u8.ToArray()), bundle, new SigstorePolicy { Identity = "a", Issuer = "b" });

        Assert.False(result.Verified);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }
}
