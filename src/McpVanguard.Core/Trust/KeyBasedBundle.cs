using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpVanguard.Core.Trust;

/// <summary>
/// Detached signatures in the key-based form of a Sigstore bundle (v0.3, <c>messageSignature</c>, a
/// <c>publicKey.hint</c>, no certificate and no transparency-log entry): one file format for a pinned-key signature and,
/// with a certificate in its place, a keyless Sigstore one. The signature is ECDSA P-256 over the artifact's bytes
/// (SHA-256, DER), as Sigstore signs a blob.
/// </summary>
public static class KeyBasedBundle
{
    public const string MediaType = "application/vnd.dev.sigstore.bundle.v0.3+json";

    /// <summary>The bundle JSON that signs <paramref name="artifact"/> with <paramref name="privateKey"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> artifact, ECDsa privateKey)
    {
        var signature = privateKey.SignData(artifact, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new JsonObject
        {
            ["mediaType"] = MediaType,
            ["verificationMaterial"] = new JsonObject
            {
                ["publicKey"] = new JsonObject { ["hint"] = KeyId(privateKey) },
                ["tlogEntries"] = new JsonArray(),
            },
            ["messageSignature"] = new JsonObject
            {
                ["messageDigest"] = new JsonObject { ["algorithm"] = "SHA2_256", ["digest"] = Convert.ToBase64String(SHA256.HashData(artifact)) },
                ["signature"] = Convert.ToBase64String(signature),
            },
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>SHA-256 (hex) of the key's SubjectPublicKeyInfo: the bundle's <c>publicKey.hint</c>.</summary>
    public static string KeyId(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    /// <summary>Whether <paramref name="bundleJson"/> is in the key-based form (a <c>publicKey</c>, no certificate).</summary>
    public static bool IsKeyBased(string bundleJson)
    {
        try
        {
            return JsonNode.Parse(bundleJson)?["verificationMaterial"] is JsonObject material
                && material.ContainsKey("publicKey") && !material.ContainsKey("certificate") && !material.ContainsKey("x509CertificateChain");
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Verifies a key-based bundle for <paramref name="artifact"/> against the pinned <paramref name="publicKeyPem"/>.</summary>
    public static SigstoreVerification Verify(ReadOnlySpan<byte> artifact, string bundleJson, string publicKeyPem)
    {
        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(publicKeyPem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return SigstoreVerification.Failed($"the pinned public key is not a PEM EC public key ({ex.Message}).");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bundleJson, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return SigstoreVerification.Failed($"the signature file is not JSON ({ex.Message}).");
        }

        var message = root?["messageSignature"];
        var digestText = message?["messageDigest"]?["digest"]?.GetValueKind() == JsonValueKind.String ? (string?)message["messageDigest"]!["digest"] : null;
        var algorithm = message?["messageDigest"]?["algorithm"]?.GetValueKind() == JsonValueKind.String ? (string?)message["messageDigest"]!["algorithm"] : null;
        var signatureText = message?["signature"]?.GetValueKind() == JsonValueKind.String ? (string?)message["signature"] : null;
        if (signatureText is null || digestText is null || algorithm != "SHA2_256")
        {
            return SigstoreVerification.Failed("the signature file is not a Sigstore bundle with a SHA2_256 messageSignature.");
        }

        var keyId = KeyId(key);
        var hint = root!["verificationMaterial"]?["publicKey"]?["hint"]?.GetValueKind() == JsonValueKind.String ? (string?)root["verificationMaterial"]!["publicKey"]!["hint"] : null;
        if (hint is not null && hint != keyId)
        {
            return SigstoreVerification.Failed($"signed by another key (hint {Short(hint)}, the pinned key is {Short(keyId)}).");
        }

        byte[] digest, signature;
        try
        {
            digest = Convert.FromBase64String(digestText);
            signature = Convert.FromBase64String(signatureText);
        }
        catch (FormatException)
        {
            return SigstoreVerification.Failed("the signature file's digest or signature is not base64.");
        }

        if (!CryptographicOperations.FixedTimeEquals(digest, SHA256.HashData(artifact)))
        {
            return SigstoreVerification.Failed("the content does not match the signed digest (changed after signing).");
        }

        return key.VerifyData(artifact, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            ? new SigstoreVerification(true, "signature verified with the pinned key " + Short(keyId), SignerIdentity: "key:" + keyId)
            : SigstoreVerification.Failed($"the signature does not verify with the pinned key {Short(keyId)} (wrong key or forged).");
    }

    private static string Short(string keyId) => keyId.Length > 16 ? keyId[..16] : keyId;
}
