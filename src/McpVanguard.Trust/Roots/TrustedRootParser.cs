using System.Text.Json;
using McpVanguard.Trust.Keys;

namespace McpVanguard.Trust.Roots;

/// <summary>Parses a TrustedRoot JSON document (media type application/vnd.dev.sigstore.trustedroot+json;version=0.1 or 0.2).</summary>
internal static class TrustedRootParser
{
    private const int MaxBytes = 4 * 1024 * 1024; // a root is a few KiB; refuse absurd input before parsing it

    public static TrustedRoot Parse(string json)
    {
        if (json.Length > MaxBytes)
        {
            throw new SigstoreRejection("the trusted root is larger than 4 MiB");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new SigstoreRejection($"the trusted root is not valid JSON ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            var mediaType = ProtoJson.String(root, "mediaType");
            if (mediaType is null || !mediaType.StartsWith("application/vnd.dev.sigstore.trustedroot", StringComparison.Ordinal))
            {
                throw new SigstoreRejection($"the trusted root has an unknown media type '{mediaType}'");
            }

            return new TrustedRoot(
                ProtoJson.Array(root, "tlogs").Select((t, i) => Log(t, $"trusted root tlogs[{i}]")).ToList(),
                ProtoJson.Array(root, "certificateAuthorities").Select((c, i) => Authority(c, $"trusted root certificateAuthorities[{i}]")).ToList(),
                ProtoJson.Array(root, "ctlogs").Select((t, i) => Log(t, $"trusted root ctlogs[{i}]")).ToList(),
                ProtoJson.Array(root, "timestampAuthorities").Select((c, i) => Authority(c, $"trusted root timestampAuthorities[{i}]")).ToList());
        }
    }

    private static LogAuthority Log(JsonElement log, string where)
    {
        var key = ProtoJson.Required(log, "publicKey", where);
        var keyId = ProtoJson.RequiredBytes(ProtoJson.Required(log, "logId", where), "keyId", where + ".logId");
        return new LogAuthority(
            ProtoJson.String(log, "baseUrl") ?? "",
            keyId,
            SigstorePublicKey.FromTrustedRoot(ProtoJson.RequiredBytes(key, "rawBytes", where + ".publicKey"), ProtoJson.String(key, "keyDetails"), where),
            Window(key, where + ".publicKey"));
    }

    private static CertificateAuthority Authority(JsonElement authority, string where)
    {
        var chain = ProtoJson.Array(ProtoJson.Required(authority, "certChain", where), "certificates")
            .Select((c, i) => ProtoJson.RequiredBytes(c, "rawBytes", $"{where}.certChain[{i}]"))
            .ToList();
        if (chain.Count == 0)
        {
            throw new SigstoreRejection($"{where} has an empty certificate chain");
        }

        return new CertificateAuthority(ProtoJson.String(authority, "uri") ?? "", chain, Window(authority, where));
    }

    // A missing start is a malformed root, never "trusted since forever": fail closed (conformance: trust-root-tlog-missing-validity-start).
    private static TrustWindow Window(JsonElement owner, string where)
    {
        var validFor = ProtoJson.Required(owner, "validFor", where);
        var start = ProtoJson.Timestamp(validFor, "start", where + ".validFor") ?? throw new SigstoreRejection($"{where}.validFor has no start");
        return new TrustWindow(start, ProtoJson.Timestamp(validFor, "end", where + ".validFor"));
    }
}
