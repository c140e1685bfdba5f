using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using McpVanguard.Trust.Roots;

namespace McpVanguard.Trust.Certificates;

/// <summary>
/// Verifies the signed certificate timestamps embedded in a Fulcio leaf against the trusted root's CT logs: proof that
/// the certificate was published, so a mis-issued one would be visible. At least one must verify.
/// </summary>
internal static class EmbeddedSctVerifier
{
    public static void Verify(X509Certificate2 leaf, byte[] issuerSubjectPublicKeyInfo, TrustedRoot root)
    {
        var extension = leaf.Extensions[PrecertificateTbs.SctListOid]
            ?? throw new SigstoreRejection("the signing certificate carries no signed certificate timestamp (SCT)");

        byte[] list;
        try
        {
            list = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadOctetString();
        }
        catch (AsnContentException)
        {
            throw new SigstoreRejection("the certificate's SCT list is malformed");
        }

        var tbs = PrecertificateTbs.WithoutSctList(leaf.RawDataMemory);
        var issuerKeyHash = SHA256.HashData(issuerSubjectPublicKeyInfo);
        var reasons = new List<string>();
        foreach (var sct in Split(list))
        {
            var reason = Check(sct, tbs, issuerKeyHash, root);
            if (reason is null)
            {
                return;
            }

            reasons.Add(reason);
        }

        throw new SigstoreRejection("no SCT in the certificate verifies: " + (reasons.Count == 0 ? "the list is empty" : string.Join("; ", reasons)));
    }

    // TLS encoding (RFC 6962 §3.3): opaque SerializedSCT<1..2^16-1> list<1..2^16-1>.
    private static List<byte[]> Split(byte[] list)
    {
        var items = new List<byte[]>();
        if (list.Length < 2 || BinaryPrimitives.ReadUInt16BigEndian(list) != list.Length - 2)
        {
            throw new SigstoreRejection("the certificate's SCT list has a bad length");
        }

        var offset = 2;
        while (offset < list.Length)
        {
            if (offset + 2 > list.Length)
            {
                throw new SigstoreRejection("the certificate's SCT list is truncated");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(list.AsSpan(offset));
            offset += 2;
            if (offset + length > list.Length)
            {
                throw new SigstoreRejection("the certificate's SCT list is truncated");
            }

            items.Add(list[offset..(offset + length)]);
            offset += length;
        }

        return items;
    }

    private static string? Check(byte[] sct, byte[] tbs, byte[] issuerKeyHash, TrustedRoot root)
    {
        // version(1) log_id(32) timestamp(8) extensions<0..2^16-1> hash(1) sig(1) signature<0..2^16-1>
        if (sct.Length < 47 || sct[0] != 0)
        {
            return "an SCT is not a v1 SCT";
        }

        var logId = sct.AsSpan(1, 32);
        var timestamp = BinaryPrimitives.ReadUInt64BigEndian(sct.AsSpan(33));
        var extensionsLength = BinaryPrimitives.ReadUInt16BigEndian(sct.AsSpan(41));
        var at = 43 + extensionsLength;
        if (at + 4 > sct.Length)
        {
            return "an SCT is truncated";
        }

        var extensions = sct.AsSpan(43, extensionsLength);
        var signatureLength = BinaryPrimitives.ReadUInt16BigEndian(sct.AsSpan(at + 2));
        if (at + 4 + signatureLength != sct.Length)
        {
            return "an SCT has a bad signature length";
        }

        var signature = sct.AsSpan(at + 4, signatureLength);
        var log = root.CtLog(logId);
        if (log is null)
        {
            return $"an SCT is from a CT log the trusted root does not know ({Convert.ToBase64String(logId)})";
        }

        var time = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Min(timestamp, long.MaxValue));
        if (!log.Valid.Contains(time))
        {
            return $"an SCT's time {time:u} is outside its CT log's validity";
        }

        // digitally-signed struct: version, signature_type=certificate_timestamp(0), timestamp, entry_type=precert_entry(1),
        // issuer_key_hash[32], tbs_certificate<1..2^24-1>, extensions<0..2^16-1>
        var signed = new byte[1 + 1 + 8 + 2 + 32 + 3 + tbs.Length + 2 + extensions.Length];
        var span = signed.AsSpan();
        span[0] = 0;
        span[1] = 0;
        BinaryPrimitives.WriteUInt64BigEndian(span[2..], timestamp);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], 1);
        issuerKeyHash.CopyTo(span[12..]);
        span[44] = (byte)(tbs.Length >> 16);
        span[45] = (byte)(tbs.Length >> 8);
        span[46] = (byte)tbs.Length;
        tbs.CopyTo(span[47..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[(47 + tbs.Length)..], (ushort)extensions.Length);
        extensions.CopyTo(span[(49 + tbs.Length)..]);
        return log.Key.Verify(signed, signature) ? null : "an SCT's signature does not verify with its CT log's key";
    }
}
