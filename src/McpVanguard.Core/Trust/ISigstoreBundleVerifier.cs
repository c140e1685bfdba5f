namespace McpVanguard.Core.Trust;

/// <summary>
/// Verifies a Sigstore bundle (v0.1–v0.3) for an artifact, offline, against a trusted root and an identity policy.
/// Rule packs, server manifests and pin baselines use it through this seam, so Core never depends on the verifier.
/// </summary>
public interface ISigstoreBundleVerifier
{
    /// <summary>Verifies <paramref name="bundleJson"/> for the artifact; never throws for a bad bundle (the result says why).</summary>
    SigstoreVerification Verify(SigstoreArtifact artifact, string bundleJson, SigstorePolicy policy);
}

/// <summary>The artifact a bundle is checked against: its bytes, or only its SHA-256 digest when the bytes are not at hand.</summary>
public sealed record SigstoreArtifact(ReadOnlyMemory<byte>? Bytes, byte[]? Sha256)
{
    /// <summary>An artifact given by its bytes.</summary>
    public static SigstoreArtifact FromBytes(ReadOnlyMemory<byte> bytes) => new(bytes, null);

    /// <summary>An artifact given by its SHA-256 digest only.</summary>
    public static SigstoreArtifact FromDigest(byte[] sha256) => new(null, sha256);

    /// <summary>
    /// The artifact's SHA-512, when that is the digest its publisher records (an npm tarball's <c>integrity</c>): enough
    /// for a DSSE in-toto statement naming it as a subject, not for a message signature (which signs SHA-256).
    /// </summary>
    public byte[]? Sha512 { get; init; }

    /// <summary>An artifact given by its SHA-512 digest only (npm provenance: the statement's subject is the tarball's SHA-512).</summary>
    public static SigstoreArtifact FromSha512Digest(byte[] sha512) => new(null, null) { Sha512 = sha512 };
}

/// <summary>
/// Who must have signed: a certificate identity (exact SAN, or a regex over it) and OIDC issuer for keyless bundles,
/// a pinned public key (PEM) for key-based ones, and optional GitHub Actions claims from the Fulcio extensions.
/// </summary>
public sealed record SigstorePolicy
{
    /// <summary>The exact certificate identity (SAN: e-mail or URI) required, if any.</summary>
    public string? Identity { get; init; }

    /// <summary>A regular expression the identity must match (linear-time), if any.</summary>
    public string? IdentityPattern { get; init; }

    /// <summary>The OIDC issuer required (Fulcio extension 1.3.6.1.4.1.57264.1.1 / .8), if any.</summary>
    public string? Issuer { get; init; }

    /// <summary>A PEM public key for bundles signed without a certificate (key-based), if any.</summary>
    public string? PublicKeyPem { get; init; }

    /// <summary>GitHub Actions claims (repository, ref, commit SHA, trigger, workflow), each required when set.</summary>
    public GitHubWorkflowClaims? GitHub { get; init; }

    /// <summary>The trusted root JSON (Sigstore TrustedRoot); null means the embedded public-good root.</summary>
    public string? TrustedRootJson { get; init; }
}

/// <summary>Fulcio certificate claims for a GitHub Actions signer; a null member is not checked.</summary>
public sealed record GitHubWorkflowClaims(
    string? Repository = null,
    string? Ref = null,
    string? Sha = null,
    string? Trigger = null,
    string? WorkflowName = null,
    string? WorkflowPath = null);

/// <summary>The outcome of a verification: verified or not, why not, and who signed when it is.</summary>
public sealed record SigstoreVerification(bool Verified, string Reason, string? SignerIdentity = null, string? SignerIssuer = null, DateTimeOffset? SignedAt = null)
{
    /// <summary>A failed verification with its reason.</summary>
    public static SigstoreVerification Failed(string reason) => new(false, reason);
}
