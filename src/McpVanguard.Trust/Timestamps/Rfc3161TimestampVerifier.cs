using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using McpVanguard.Trust.Certificates;
using McpVanguard.Trust.Roots;

namespace McpVanguard.Trust.Timestamps;

/// <summary>
/// Verifies an RFC 3161 timestamp token (CMS SignedData over TSTInfo) over the bundle's signature: the message imprint,
/// the CMS signature, and the signer's chain to a timestamp authority of the trusted root, valid at the stamped time.
/// </summary>
internal static class Rfc3161TimestampVerifier
{
    private const string TimeStampingEku = "1.3.6.1.5.5.7.3.8";

    public static DateTimeOffset Verify(byte[] token, byte[] signature, TrustedRoot root)
    {
        var content = TokenOf(token);
        if (!Rfc3161TimestampToken.TryDecode(content, out var decoded, out var consumed) || consumed != content.Length)
        {
            // .NET also refuses here a token whose embedded signer certificate does not fit it (its validity at the
            // stamped time, the timestamping EKU, the ESS certificate id).
            throw new SigstoreRejection("an RFC 3161 timestamp is malformed, or its embedded signing certificate does not fit it (validity at the stamped time, timestamping EKU, ESS certificate id)");
        }

        var info = decoded.TokenInfo;
        var time = info.Timestamp;
        var hash = HashName(info.HashAlgorithmId.Value);
        var imprint = info.GetMessageHash().Span;
        if (!CryptographicOperations.FixedTimeEquals(imprint, HashOf(hash, signature)))
        {
            throw new SigstoreRejection("an RFC 3161 timestamp is over something other than the bundle's signature");
        }

        foreach (var authority in root.TimestampAuthorities)
        {
            if (!authority.Valid.Contains(time))
            {
                continue;
            }

            var certificates = authority.CertChain.Select(X509CertificateLoader.LoadCertificate).ToList();
            try
            {
                // The trusted root's TSA leaf is offered for tokens that embed no certificate; an embedded one must still chain below.
                if (!decoded.VerifySignatureForHash(imprint, hash, out var signer, new X509Certificate2Collection(certificates[0])) || signer is null)
                {
                    continue;
                }

                if (CertificatePath.Verify(signer, certificates, time, TimeStampingEku) is null)
                {
                    return time;
                }
            }
            finally
            {
                certificates.ForEach(c => c.Dispose());
            }
        }

        throw new SigstoreRejection($"the RFC 3161 timestamp ({time:u}) is not signed by a timestamp authority the trusted root trusts at that time");
    }

    /// <summary>
    /// Bundles carry the TSA's whole TimeStampResp (RFC 3161 §2.4.2: status, then the token), though some writers store
    /// the bare token (a CMS ContentInfo); accept both, and only a granted status.
    /// </summary>
    private static ReadOnlyMemory<byte> TokenOf(byte[] encoded)
    {
        try
        {
            var outer = new AsnReader(encoded, AsnEncodingRules.DER).ReadSequence();
            if (outer.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
            {
                return encoded;
            }

            var status = outer.ReadSequence();
            if (!status.TryReadInt32(out var granted) || granted is not (0 or 1))
            {
                throw new SigstoreRejection("an RFC 3161 timestamp response does not grant a timestamp");
            }

            return outer.HasData ? outer.ReadEncodedValue() : throw new SigstoreRejection("an RFC 3161 timestamp response holds no token");
        }
        catch (AsnContentException)
        {
            throw new SigstoreRejection("an RFC 3161 timestamp is malformed");
        }
    }

    private static HashAlgorithmName HashName(string? oid) => oid switch
    {
        "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
        "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
        "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
        _ => throw new SigstoreRejection($"an RFC 3161 timestamp uses an unsupported hash {oid}"),
    };

    private static byte[] HashOf(HashAlgorithmName name, byte[] data) =>
        name == HashAlgorithmName.SHA384 ? SHA384.HashData(data) : name == HashAlgorithmName.SHA512 ? SHA512.HashData(data) : SHA256.HashData(data);
}
