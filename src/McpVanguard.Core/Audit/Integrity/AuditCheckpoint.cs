using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace McpVanguard.Audit.Integrity;

/// <summary>
/// A signed statement "the chain of <see cref="Log"/> had <see cref="Seq"/> records and its last line hashed to
/// <see cref="Head"/> at <see cref="Time"/>", one JSON line of <c>audit.checkpoints.jsonl</c>. Truncating the log below a
/// checkpoint, or changing any record it covers, no longer matches a signature only the key's holder can make.
/// </summary>
public sealed record AuditCheckpoint
{
    /// <summary>The version tag that starts the signed payload, so a signature made for anything else never verifies here.</summary>
    public const string PayloadTag = "mcp-vanguard-audit-checkpoint/v1";

    /// <summary>When it was made (ISO 8601, signed as written).</summary>
    [JsonPropertyName("time")]
    public required string Time { get; init; }

    /// <summary>The file name of the chain's live file (<c>audit.jsonl</c>, <c>audit.decisions.jsonl</c>), without directory.</summary>
    [JsonPropertyName("log")]
    public required string Log { get; init; }

    [JsonPropertyName("seq")]
    public required long Seq { get; init; }

    /// <summary>SHA-256 (hex) of the line numbered <see cref="Seq"/>.</summary>
    [JsonPropertyName("head")]
    public required string Head { get; init; }

    /// <summary>SHA-256 (hex) of the signing key's SubjectPublicKeyInfo.</summary>
    [JsonPropertyName("key_id")]
    public required string KeyId { get; init; }

    /// <summary>Base64 DER ECDSA-SHA256 signature of <see cref="Payload"/>.</summary>
    [JsonPropertyName("sig")]
    public string? Signature { get; init; }

    /// <summary>The exact bytes signed: the tag and every field but the signature, one per line.</summary>
    public byte[] Payload() => Encoding.UTF8.GetBytes($"{PayloadTag}\n{Log}\n{Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n{Head}\n{Time}\n{KeyId}\n");

    /// <summary>This checkpoint signed with <paramref name="key"/>.</summary>
    public AuditCheckpoint SignWith(AuditSigningKey key)
    {
        var unsigned = this with { KeyId = key.KeyId };
        return unsigned with { Signature = Convert.ToBase64String(key.Sign(unsigned.Payload())) };
    }

    /// <summary>Whether the signature verifies with <paramref name="publicKey"/> (and names it).</summary>
    public bool VerifiesWith(ECDsa publicKey, string publicKeyId)
    {
        if (Signature is null || KeyId != publicKeyId)
        {
            return false;
        }

        var signature = new byte[Signature.Length];
        return Convert.TryFromBase64String(Signature, signature, out var length)
            && publicKey.VerifyData(Payload(), signature.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
