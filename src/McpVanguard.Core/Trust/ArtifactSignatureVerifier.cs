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

        // Anyone can get a certificate for their own identity: without a configured identity and issuer, "signed" proves nothing.
        if ((policy.Identity is null && policy.IdentityPattern is null) || policy.Issuer is null)
        {
            return SigstoreVerification.Failed("it carries a keyless (certificate) Sigstore signature, and no signer identity and issuer are configured to check it against.");
        }

        // A pinned key configured beside the identity is for key-signed files; a certificate-signed one is judged by the identity.
        return sigstore.Verify(SigstoreArtifact.FromBytes(artifact.ToArray()), bundleJson, policy with { PublicKeyPem = null });
    }
}
