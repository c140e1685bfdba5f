using System.Globalization;
using System.Text;
using System.Text.Json;
using McpVanguard.Trust.Bundles;

namespace McpVanguard.Trust.Envelopes;

/// <summary>
/// DSSE: the pre-authentication encoding a signer signs, and the in-toto statement check that ties the envelope to
/// the artifact (one of the statement's subjects must carry the artifact's SHA-256).
/// </summary>
internal static class DssePayload
{
    public const string InTotoPayloadType = "application/vnd.in-toto+json";

    /// <summary>PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in ASCII decimal bytes.</summary>
    public static byte[] PreAuthenticationEncoding(DsseEnvelope envelope)
    {
        var type = Encoding.UTF8.GetBytes(envelope.PayloadType);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"DSSEv1 {type.Length} "));
        var middle = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $" {envelope.Payload.Length} "));
        return [.. header, .. type, .. middle, .. envelope.Payload];
    }

    /// <summary>
    /// Throws unless the envelope is an in-toto statement naming the artifact's SHA-256 (or, when that is what is known,
    /// its SHA-512: npm provenance names the tarball by SHA-512) among its subjects.
    /// </summary>
    public static void RequireSubject(DsseEnvelope envelope, byte[]? artifactSha256, byte[]? artifactSha512 = null)
    {
        if (envelope.PayloadType != InTotoPayloadType)
        {
            throw new SigstoreRejection($"the DSSE payload type '{envelope.PayloadType}' is not an in-toto statement, so it cannot name the artifact");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(envelope.Payload);
        }
        catch (JsonException)
        {
            throw new SigstoreRejection("the in-toto statement is not JSON");
        }

        using (document)
        {
            var (algorithm, wanted) = artifactSha256 is not null ? ("sha256", Convert.ToHexStringLower(artifactSha256)) : ("sha512", Convert.ToHexStringLower(artifactSha512!));
            foreach (var subject in ProtoJson.Array(document.RootElement, "subject"))
            {
                if (ProtoJson.Field(subject, "digest") is { } digest && ProtoJson.String(digest, algorithm) is { } value
                    && string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }
        }

        throw new SigstoreRejection($"no subject of the in-toto statement has the artifact's {(artifactSha256 is not null ? "sha256" : "sha512")} digest");
    }
}
