using McpVanguard.Core.Trust;

namespace McpVanguard.Configuration;

/// <summary>
/// Who must have signed a keyless (certificate) Sigstore bundle: an exact certificate identity or a linear-time pattern
/// over it, and the OIDC issuer that vouched for it. Validated at load.
/// </summary>
/// <param name="Source">Where the identity was configured, for messages.</param>
public sealed record KeylessSigner(string? Identity, string? IdentityPattern, string Issuer, string Source)
{
    /// <summary>The verifier's policy for this signer, with the pinned key for key-based bundles when one is configured.</summary>
    public SigstorePolicy ToPolicy(string? publicKeyPem) => new() { Identity = Identity, IdentityPattern = IdentityPattern, Issuer = Issuer, PublicKeyPem = publicKeyPem };
}

/// <summary>The manifest of one upstream server and how its signature is checked (<c>trust.manifest*</c>, or a <c>servers:</c> entry's <c>manifest*</c>).</summary>
/// <param name="Path">The manifest file; null when none is configured.</param>
/// <param name="KeyPath">The PEM public key a key-signed manifest must verify with.</param>
/// <param name="Signer">Who must have signed a keyless manifest.</param>
/// <param name="Source">Where the manifest was configured, for messages.</param>
public sealed record ManifestSettings(string? Path, string? KeyPath, KeylessSigner? Signer, string Source)
{
    /// <summary>No manifest configured.</summary>
    public static ManifestSettings None { get; } = new(null, null, null, "default");
}

/// <summary>The <c>trust.*</c> settings and the keyless signers of rule packs and pin baselines.</summary>
public sealed record TrustSettings
{
    /// <summary>Refuse (strict), warn about (balanced) or audit (monitor) an npm-launched server without a manifest (<c>trust.require_manifests</c>; on under strict).</summary>
    public bool RequireManifests { get; init; }

    /// <summary>Where <see cref="RequireManifests"/> came from.</summary>
    public string RequireManifestsSource { get; init; } = "default";

    /// <summary>The manifest of <c>vanguard start</c>'s server (and of <c>serve --server</c>); also the key and signer <c>servers:</c> entries default to.</summary>
    public ManifestSettings Manifest { get; init; } = ManifestSettings.None;

    /// <summary>Who must have signed a keyless rule pack (<c>rules.identity</c>, <c>rules.issuer</c>).</summary>
    public KeylessSigner? RulesSigner { get; init; }

    /// <summary>Who must have signed a keyless pin baseline (<c>pins.baseline_identity</c>, <c>pins.baseline_issuer</c>).</summary>
    public KeylessSigner? PinsBaselineSigner { get; init; }
}
