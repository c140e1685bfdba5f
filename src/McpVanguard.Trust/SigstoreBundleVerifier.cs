using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using McpVanguard.Core.Trust;
using McpVanguard.Trust.Bundles;
using McpVanguard.Trust.Certificates;
using McpVanguard.Trust.Envelopes;
using McpVanguard.Trust.Keys;
using McpVanguard.Trust.Policy;
using McpVanguard.Trust.Roots;
using McpVanguard.Trust.Timestamps;
using McpVanguard.Trust.Transparency;

namespace McpVanguard.Trust;

/// <summary>
/// Offline Sigstore bundle verification (v0.1–v0.3): the signature over the artifact or DSSE envelope, the Fulcio chain
/// and SCTs at the verified signing time, the Rekor entry (SET, inclusion proof, signed checkpoint, body), RFC 3161
/// timestamps, key-signed bundles, and the identity policy. The first broken link is the reason for refusal.
/// </summary>
public sealed class SigstoreBundleVerifier(TimeProvider? time = null) : ISigstoreBundleVerifier
{
    private const string CodeSigningEku = "1.3.6.1.5.5.7.3.3";
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Null when <paramref name="pattern"/> is a usable identity pattern (valid, linear-time); otherwise why not. For start-up validation.</summary>
    public static string? ValidateIdentityPattern(string pattern)
    {
        try
        {
            SignerPolicy.Compile(pattern);
            return null;
        }
        catch (SigstoreRejection rejection)
        {
            return rejection.Message;
        }
    }

    /// <inheritdoc />
    public SigstoreVerification Verify(SigstoreArtifact artifact, string bundleJson, SigstorePolicy policy)
    {
        try
        {
            return VerifyOrThrow(artifact, bundleJson, policy);
        }
        catch (SigstoreRejection rejection)
        {
            return SigstoreVerification.Failed(rejection.Message);
        }
        catch (Exception e) when (e is CryptographicException or System.Formats.Asn1.AsnContentException or FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            // Malformed DER deep inside a certificate or token, a JSON value of the wrong type: still a bad bundle,
            // refused (fail closed), never a crash of the caller.
            return SigstoreVerification.Failed($"the bundle holds malformed data ({e.GetType().Name}: {e.Message})");
        }
    }

    private SigstoreVerification VerifyOrThrow(SigstoreArtifact artifact, string bundleJson, SigstorePolicy policy)
    {
        var root = TrustedRootParser.Parse(policy.TrustedRootJson ?? PublicGoodTrustedRoot.Json);
        var bundle = SigstoreBundleParser.Parse(bundleJson);
        var digest = ArtifactDigest(artifact);

        using var leaf = bundle.HasCertificate ? Leaf(bundle) : null;
        if (leaf is null && policy.PublicKeyPem is null)
        {
            throw new SigstoreRejection("the bundle is signed with a key, not a certificate: give the public key (--key)");
        }

        if (leaf is not null && policy.PublicKeyPem is not null)
        {
            throw new SigstoreRejection("a public key was given but the bundle is signed with a certificate");
        }

        var key = leaf is not null ? SigstorePublicKey.FromCertificate(leaf) : SigstorePublicKey.FromPem(policy.PublicKeyPem!);
        var signedDigest = VerifyContent(bundle, artifact, digest, key);

        // Times the signature is proven to have existed at: integrated times vouched for by a log's SET, and TSA times.
        var times = new List<DateTimeOffset>();
        foreach (var token in bundle.Rfc3161Timestamps)
        {
            times.Add(Rfc3161TimestampVerifier.Verify(token, bundle.Signature, root));
        }

        if (bundle.LogEntries.Count == 0)
        {
            throw new SigstoreRejection("the bundle has no transparency log entry");
        }

        var logged = new LoggedContent(leaf?.RawData, key.SubjectPublicKeyInfo.ToArray(), bundle.Signature, signedDigest, bundle.Envelope);
        var now = _time.GetUtcNow();
        var timestamped = times.ToList();
        foreach (var entry in bundle.LogEntries)
        {
            if (TransparencyLogVerifier.Verify(entry, bundle.Version, logged, root, timestamped, now) is { } integrated)
            {
                times.Add(integrated);
            }
        }

        if (leaf is null)
        {
            // A key has no validity window to check the times against; the log entry above is what was required.
            return new SigstoreVerification(true, "verified with the given public key", SignedAt: times.Count > 0 ? times.Min() : null);
        }

        if (times.Count == 0)
        {
            throw new SigstoreRejection("no verified time: the bundle has neither a signed entry timestamp nor an RFC 3161 timestamp");
        }

        var issuerKey = VerifyCertificate(leaf, root, times);
        EmbeddedSctVerifier.Verify(leaf, issuerKey, root);

        var claims = FulcioClaims.Read(leaf);
        SignerPolicy.Check(policy, claims);
        return new SigstoreVerification(true, "verified", claims.Identity, claims.Issuer, times.Min());
    }

    /// <summary>The artifact's SHA-256; null when only its SHA-512 is known (enough for a DSSE statement's subject only).</summary>
    private static byte[]? ArtifactDigest(SigstoreArtifact artifact)
    {
        if (artifact.Bytes is { } bytes)
        {
            return SHA256.HashData(bytes.Span);
        }

        return artifact.Sha256 is { Length: 32 } digest ? digest
            : artifact.Sha512 is { Length: 64 } ? null
            : throw new SigstoreRejection("the artifact needs its bytes, a 32-byte SHA-256 or a 64-byte SHA-512 digest");
    }

    private static X509Certificate2 Leaf(SigstoreBundle bundle)
    {
        // A bundle carries the leaf (and at most intermediates in v0.1/v0.2); trust comes only from the trusted root,
        // so a root certificate inside the bundle is refused rather than silently ignored.
        for (var i = 1; i < bundle.Certificates.Count; i++)
        {
            using var extra = X509CertificateLoader.LoadCertificate(bundle.Certificates[i]);
            if (extra.SubjectName.RawData.AsSpan().SequenceEqual(extra.IssuerName.RawData))
            {
                throw new SigstoreRejection("the bundle's certificate chain contains a root certificate");
            }
        }

        return X509CertificateLoader.LoadCertificate(bundle.Certificates[0]);
    }

    /// <summary>Checks the signature over the content and returns the digest the log records for it.</summary>
    private static byte[] VerifyContent(SigstoreBundle bundle, SigstoreArtifact artifact, byte[]? digest, SigstorePublicKey key)
    {
        if (bundle.Message is { } message)
        {
            if (digest is null)
            {
                throw new SigstoreRejection("a message signature signs the artifact's SHA-256, and only its SHA-512 is known");
            }

            if (message.Digest is not null
                && (message.DigestAlgorithm is not ("SHA2_256" or null) || !message.Digest.AsSpan().SequenceEqual(digest)))
            {
                throw new SigstoreRejection("the bundle's message digest is not the artifact's SHA-256");
            }

            var valid = artifact.Bytes is { } bytes
                ? key.Verify(bytes.Span, message.Signature)
                : key.VerifyDigest(digest, HashAlgorithmName.SHA256, message.Signature);
            return valid ? digest : throw new SigstoreRejection("the signature does not verify over the artifact");
        }

        var envelope = bundle.Envelope!;
        var pae = DssePayload.PreAuthenticationEncoding(envelope);
        if (!key.Verify(pae, envelope.Signatures[0].Sig))
        {
            throw new SigstoreRejection("the DSSE envelope's signature does not verify");
        }

        DssePayload.RequireSubject(envelope, digest, artifact.Sha512);
        return SHA256.HashData(pae); // what a Rekor v2 hashedrekord over DSSE records
    }

    /// <summary>The leaf must chain to a Fulcio CA of the trusted root at every verified time; returns the issuer's key for SCTs.</summary>
    private static byte[] VerifyCertificate(X509Certificate2 leaf, TrustedRoot root, List<DateTimeOffset> times)
    {
        byte[]? issuerKey = null;
        foreach (var time in times)
        {
            string? failure = "no certificate authority of the trusted root is valid at that time";
            foreach (var authority in root.CertificateAuthorities.Where(a => a.Valid.Contains(time)))
            {
                var chain = authority.CertChain.Select(X509CertificateLoader.LoadCertificate).ToList();
                try
                {
                    failure = CertificatePath.Build(leaf, chain, time, CodeSigningEku, out var issuer);
                    if (failure is null)
                    {
                        issuerKey = issuer;
                        break;
                    }
                }
                finally
                {
                    chain.ForEach(c => c.Dispose());
                }
            }

            if (failure is not null)
            {
                throw new SigstoreRejection($"the signing certificate does not chain to a trusted Fulcio CA at {time:u}: {failure}");
            }
        }

        return issuerKey ?? throw new SigstoreRejection("the signing certificate's issuer is unknown");
    }
}
