using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpVanguard.Trust.Bundles;

namespace McpVanguard.Trust.Transparency;

/// <summary>What the log entry must say about the bundle: who signed (certificate or key), the signature, and what was signed.</summary>
internal sealed record LoggedContent(byte[]? CertificateDer, byte[] SubjectPublicKeyInfo, byte[] Signature, byte[] SignedDigest, DsseEnvelope? Envelope);

/// <summary>
/// Checks that a Rekor entry's canonicalized body describes this bundle (hashedrekord 0.0.1/0.0.2, dsse 0.0.1/0.0.2,
/// intoto 0.0.2): the same signature, the same certificate or key, and the same artifact or payload digest. Without
/// this a valid log entry for something else could be stapled onto a bundle.
/// </summary>
internal static class RekorEntryBody
{
    public static void Check(LogEntry entry, LoggedContent expected)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(entry.CanonicalizedBody);
        }
        catch (JsonException)
        {
            throw new SigstoreRejection("the log entry body is not JSON");
        }

        using (document)
        {
            var body = document.RootElement;
            var kind = ProtoJson.String(body, "kind");
            var apiVersion = ProtoJson.String(body, "apiVersion");
            if (kind != entry.Kind || apiVersion != entry.KindVersion)
            {
                throw new SigstoreRejection($"the log entry body is {kind} {apiVersion} but the bundle says {entry.Kind} {entry.KindVersion}");
            }

            var spec = ProtoJson.Required(body, "spec", "log entry body");
            switch ((kind, apiVersion))
            {
                case ("hashedrekord", "0.0.1"):
                    HashedRekordV001(spec, expected);
                    break;
                case ("hashedrekord", "0.0.2"):
                    HashedRekordV002(ProtoJson.Required(spec, "hashedRekordV002", "log entry body"), expected);
                    break;
                case ("dsse", "0.0.1"):
                    DsseV001(spec, expected);
                    break;
                case ("dsse", "0.0.2"):
                    DsseV002(ProtoJson.Required(spec, "dsseV002", "log entry body"), expected);
                    break;
                case ("intoto", "0.0.2"):
                    IntotoV002(spec, expected);
                    break;
                default:
                    throw new SigstoreRejection($"log entry kind {kind} {apiVersion} is not supported");
            }
        }
    }

    private static void HashedRekordV001(JsonElement spec, LoggedContent expected)
    {
        var hash = ProtoJson.Required(ProtoJson.Required(spec, "data", "hashedrekord"), "hash", "hashedrekord.data");
        Require(ProtoJson.String(hash, "algorithm") == "sha256" && HexEquals(ProtoJson.String(hash, "value"), expected.SignedDigest),
            "the log entry records a different artifact digest");
        var signature = ProtoJson.Required(spec, "signature", "hashedrekord");
        Require(ProtoJson.RequiredBytes(signature, "content", "hashedrekord.signature").AsSpan().SequenceEqual(expected.Signature),
            "the log entry records a different signature");
        var key = ProtoJson.Required(signature, "publicKey", "hashedrekord.signature");
        RequirePemVerifier(ProtoJson.RequiredBytes(key, "content", "hashedrekord.signature.publicKey"), expected);
    }

    private static void HashedRekordV002(JsonElement spec, LoggedContent expected)
    {
        var data = ProtoJson.Required(spec, "data", "hashedRekordV002");
        Require(ProtoJson.String(data, "algorithm") == "SHA2_256" && ProtoJson.RequiredBytes(data, "digest", "hashedRekordV002.data").AsSpan().SequenceEqual(expected.SignedDigest),
            "the log entry records a different artifact digest");
        CheckV002Signature(ProtoJson.Required(spec, "signature", "hashedRekordV002"), expected);
    }

    private static void DsseV001(JsonElement spec, LoggedContent expected)
    {
        var envelope = expected.Envelope ?? throw new SigstoreRejection("a dsse log entry needs a DSSE envelope in the bundle");
        var payloadHash = ProtoJson.Required(spec, "payloadHash", "dsse");
        Require(ProtoJson.String(payloadHash, "algorithm") == "sha256" && HexEquals(ProtoJson.String(payloadHash, "value"), SHA256.HashData(envelope.Payload)),
            "the log entry records a different DSSE payload");
        var signatures = ProtoJson.Array(spec, "signatures").ToList();
        Require(signatures.Count == 1, "the log entry records a different number of DSSE signatures");
        Require(ProtoJson.RequiredBytes(signatures[0], "signature", "dsse.signatures[0]").AsSpan().SequenceEqual(expected.Signature),
            "the log entry records a different DSSE signature");
        RequirePemVerifier(ProtoJson.RequiredBytes(signatures[0], "verifier", "dsse.signatures[0]"), expected);
    }

    private static void DsseV002(JsonElement spec, LoggedContent expected)
    {
        var envelope = expected.Envelope ?? throw new SigstoreRejection("a dsse log entry needs a DSSE envelope in the bundle");
        var payloadHash = ProtoJson.Required(spec, "payloadHash", "dsseV002");
        Require(ProtoJson.String(payloadHash, "algorithm") == "SHA2_256" && ProtoJson.RequiredBytes(payloadHash, "digest", "dsseV002.payloadHash").AsSpan().SequenceEqual(SHA256.HashData(envelope.Payload)),
            "the log entry records a different DSSE payload");
        var signatures = ProtoJson.Array(spec, "signatures").ToList();
        Require(signatures.Count == 1, "the log entry records a different number of DSSE signatures");
        CheckV002Signature(signatures[0], expected);
    }

    private static void IntotoV002(JsonElement spec, LoggedContent expected)
    {
        var envelope = expected.Envelope ?? throw new SigstoreRejection("an intoto log entry needs a DSSE envelope in the bundle");
        var content = ProtoJson.Required(spec, "content", "intoto");
        var payloadHash = ProtoJson.Required(content, "payloadHash", "intoto.content");
        Require(ProtoJson.String(payloadHash, "algorithm") == "sha256" && HexEquals(ProtoJson.String(payloadHash, "value"), SHA256.HashData(envelope.Payload)),
            "the log entry records a different in-toto payload");
        var logged = ProtoJson.Required(content, "envelope", "intoto.content");
        Require(ProtoJson.String(logged, "payloadType") == envelope.PayloadType, "the log entry records a different payload type");
        var signatures = ProtoJson.Array(logged, "signatures").ToList();
        Require(signatures.Count == 1, "the log entry records a different number of DSSE signatures");

        // intoto 0.0.2 stores the envelope's base64 signature base64-encoded once more; older entries encode it once.
        var sig = ProtoJson.RequiredBytes(signatures[0], "sig", "intoto.signatures[0]");
        Require(sig.AsSpan().SequenceEqual(expected.Signature) || DecodesTo(sig, expected.Signature), "the log entry records a different DSSE signature");
        RequirePemVerifier(ProtoJson.RequiredBytes(signatures[0], "publicKey", "intoto.signatures[0]"), expected);
    }

    private static void CheckV002Signature(JsonElement signature, LoggedContent expected)
    {
        Require(ProtoJson.RequiredBytes(signature, "content", "log entry signature").AsSpan().SequenceEqual(expected.Signature),
            "the log entry records a different signature");
        var verifier = ProtoJson.Required(signature, "verifier", "log entry signature");
        if (ProtoJson.Field(verifier, "x509Certificate") is { } certificate)
        {
            Require(expected.CertificateDer is not null && ProtoJson.RequiredBytes(certificate, "rawBytes", "verifier.x509Certificate").AsSpan().SequenceEqual(expected.CertificateDer),
                "the log entry records a different signing certificate");
        }
        else
        {
            var key = ProtoJson.Required(verifier, "publicKey", "log entry signature verifier");
            Require(ProtoJson.RequiredBytes(key, "rawBytes", "verifier.publicKey").AsSpan().SequenceEqual(expected.SubjectPublicKeyInfo),
                "the log entry records a different public key");
        }
    }

    private static void RequirePemVerifier(byte[] pemBytes, LoggedContent expected)
    {
        var pem = Encoding.ASCII.GetString(pemBytes);
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new SigstoreRejection("the log entry's verifier is not PEM");
        }

        var der = Convert.FromBase64String(pem[fields.Base64Data]);
        var label = pem[fields.Label];
        var same = label switch
        {
            "CERTIFICATE" => expected.CertificateDer is not null && der.AsSpan().SequenceEqual(expected.CertificateDer),
            "PUBLIC KEY" => expected.CertificateDer is null && der.AsSpan().SequenceEqual(expected.SubjectPublicKeyInfo),
            _ => false,
        };
        Require(same, "the log entry records a different signing certificate or key");
    }

    private static bool DecodesTo(byte[] base64Text, byte[] expected)
    {
        try
        {
            return Convert.FromBase64String(Encoding.ASCII.GetString(base64Text)).AsSpan().SequenceEqual(expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool HexEquals(string? hex, byte[] digest) =>
        hex is not null && hex.Length == digest.Length * 2 && string.Equals(hex, Convert.ToHexStringLower(digest), StringComparison.OrdinalIgnoreCase);

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new SigstoreRejection(reason);
        }
    }
}
