namespace McpVanguard.Core.Trust;

/// <summary>
/// Verifies a signature file for an artifact (a rule pack, a pin baseline, a server manifest): a key-based bundle
/// against the pinned public key here, a keyless Sigstore bundle through <see cref="ISigstoreBundleVerifier"/> when one
/// is plugged in, and otherwise refused with a clear reason. Never throws for a bad signature.
/// </summary>
public sealed class ArtifactSignatureVerifier(ISigstoreBundleVerifier? sigstore)
{
    public SigstoreVerification Verify(ReadOnlySpan<byte> artifact, string bundleJson, SigstorePolicy policy)
    {
        if (KeyBasedBundle.IsKeyBased(bundleJson))
        {
            return policy.PublicKeyPem is { } pem
                ? KeyBasedBundle.Verify(artifact, bundleJson, pem)
                : SigstoreVerification.Failed("signed with a key, but no public key is configured to verify it with.");
        }

        if (sigstore is null)
        {
            return SigstoreVerification.Failed("a keyless Sigstore bundle cannot be verified: this build has no Sigstore verifier (sign with a key, or use a build with `vanguard trust verify`).");
        }

        if (policy.Identity is null && policy.IdentityPattern is null && policy.PublicKeyPem is null)
        {
            return SigstoreVerification.Failed("a keyless Sigstore bundle needs an identity policy (who must have signed) and none is configured.");
        }

        return sigstore.Verify(SigstoreArtifact.FromBytes(artifact.ToArray()), bundleJson, policy);
    }
}
