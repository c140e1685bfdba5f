using System.Text.Json;

namespace McpVanguard.Trust.Bundles;

/// <summary>Parses a Sigstore bundle JSON (v0.1, v0.2, v0.3 in both media-type spellings), refusing what the format forbids.</summary>
internal static class SigstoreBundleParser
{
    private const int MaxBytes = 16 * 1024 * 1024; // bundles are KiB; an attestation payload rarely exceeds a few MiB

    public static SigstoreBundle Parse(string json)
    {
        if (json.Length > MaxBytes)
        {
            throw new SigstoreRejection("the bundle is larger than 16 MiB");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new SigstoreRejection($"the bundle is not valid JSON ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            var version = Version(ProtoJson.String(root, "mediaType"));
            var material = ProtoJson.Required(root, "verificationMaterial", "bundle");
            var certificates = Certificates(material, version);
            var entries = ProtoJson.Array(material, "tlogEntries").Select((e, i) => Entry(e, $"tlogEntries[{i}]")).ToList();
            var timestamps = ProtoJson.Field(material, "timestampVerificationData") is { } tsv
                ? ProtoJson.Array(tsv, "rfc3161Timestamps").Select((t, i) => ProtoJson.RequiredBytes(t, "signedTimestamp", $"rfc3161Timestamps[{i}]")).ToList()
                : [];

            var message = ProtoJson.Field(root, "messageSignature") is { } m ? Message(m) : null;
            var envelope = ProtoJson.Field(root, "dsseEnvelope") is { } d ? Envelope(d) : null;
            if ((message is null) == (envelope is null))
            {
                throw new SigstoreRejection("the bundle must hold exactly one of messageSignature and dsseEnvelope");
            }

            return new SigstoreBundle(version, certificates, entries, timestamps, message, envelope);
        }
    }

    private static BundleVersion Version(string? mediaType) => mediaType switch
    {
        "application/vnd.dev.sigstore.bundle+json;version=0.1" => BundleVersion.V01,
        "application/vnd.dev.sigstore.bundle+json;version=0.2" => BundleVersion.V02,
        "application/vnd.dev.sigstore.bundle+json;version=0.3" or "application/vnd.dev.sigstore.bundle.v0.3+json" => BundleVersion.V03,
        _ => throw new SigstoreRejection($"unsupported bundle media type '{mediaType}'"),
    };

    private static List<byte[]> Certificates(JsonElement material, BundleVersion version)
    {
        if (ProtoJson.Field(material, "certificate") is { } single)
        {
            return [ProtoJson.RequiredBytes(single, "rawBytes", "verificationMaterial.certificate")];
        }

        if (ProtoJson.Field(material, "x509CertificateChain") is { } chain)
        {
            if (version == BundleVersion.V03)
            {
                // v0.3 replaced the chain with the single leaf: a chain there is a malformed bundle.
                throw new SigstoreRejection("a v0.3 bundle must carry a single certificate, not x509CertificateChain");
            }

            var certificates = ProtoJson.Array(chain, "certificates")
                .Select((c, i) => ProtoJson.RequiredBytes(c, "rawBytes", $"x509CertificateChain.certificates[{i}]"))
                .ToList();
            return certificates.Count > 0 ? certificates : throw new SigstoreRejection("the bundle's certificate chain is empty");
        }

        if (ProtoJson.Field(material, "publicKey") is not null)
        {
            return [];
        }

        throw new SigstoreRejection("the bundle names no certificate and no public key");
    }

    private static LogEntry Entry(JsonElement entry, string where)
    {
        var logIndex = ProtoJson.Int64(entry, "logIndex", where) ?? throw new SigstoreRejection($"{where}: 'logIndex' is missing");
        if (logIndex < 0)
        {
            throw new SigstoreRejection($"{where}: log index {logIndex} is negative");
        }

        var kindVersion = ProtoJson.Required(entry, "kindVersion", where);
        var promise = ProtoJson.Field(entry, "inclusionPromise");
        var integrated = ProtoJson.Int64(entry, "integratedTime", where);
        return new LogEntry(
            logIndex,
            ProtoJson.RequiredBytes(ProtoJson.Required(entry, "logId", where), "keyId", where + ".logId"),
            ProtoJson.RequiredString(kindVersion, "kind", where + ".kindVersion"),
            ProtoJson.RequiredString(kindVersion, "version", where + ".kindVersion"),
            integrated is > 0 ? integrated : null,
            promise is { } p ? ProtoJson.RequiredBytes(p, "signedEntryTimestamp", where + ".inclusionPromise") : null,
            ProtoJson.Field(entry, "inclusionProof") is { } proof ? Proof(proof, where + ".inclusionProof") : null,
            ProtoJson.RequiredBytes(entry, "canonicalizedBody", where));
    }

    private static InclusionProof Proof(JsonElement proof, string where)
    {
        var index = ProtoJson.Int64(proof, "logIndex", where) ?? throw new SigstoreRejection($"{where}: 'logIndex' is missing");
        var size = ProtoJson.Int64(proof, "treeSize", where) ?? throw new SigstoreRejection($"{where}: 'treeSize' is missing");
        if (index < 0 || size <= 0 || index >= size)
        {
            throw new SigstoreRejection($"{where}: leaf index {index} is outside a tree of size {size}");
        }

        var hashes = ProtoJson.Array(proof, "hashes").Select((h, i) => ProtoJson.Bytes(h.GetString() ?? "", $"{where}.hashes[{i}]")).ToList();
        var checkpoint = ProtoJson.Field(proof, "checkpoint") is { } c ? ProtoJson.String(c, "envelope") : null;
        return new InclusionProof(index, ProtoJson.RequiredBytes(proof, "rootHash", where), size, hashes, checkpoint);
    }

    private static MessageSignature Message(JsonElement message)
    {
        var digest = ProtoJson.Field(message, "messageDigest");
        return new MessageSignature(
            digest is { } d ? ProtoJson.String(d, "algorithm") : null,
            digest is { } d2 ? ProtoJson.OptionalBytes(d2, "digest", "messageSignature.messageDigest") : null,
            ProtoJson.RequiredBytes(message, "signature", "messageSignature"));
    }

    private static DsseEnvelope Envelope(JsonElement envelope)
    {
        var signatures = ProtoJson.Array(envelope, "signatures")
            .Select((s, i) => new DsseSignature(ProtoJson.RequiredBytes(s, "sig", $"dsseEnvelope.signatures[{i}]"), ProtoJson.String(s, "keyid")))
            .ToList();
        if (signatures.Count != 1)
        {
            // Sigstore bundles carry exactly one signer; more would leave "which one was logged" ambiguous.
            throw new SigstoreRejection($"the DSSE envelope must hold exactly one signature, not {signatures.Count}");
        }

        return new DsseEnvelope(
            ProtoJson.RequiredString(envelope, "payloadType", "dsseEnvelope"),
            ProtoJson.RequiredBytes(envelope, "payload", "dsseEnvelope"),
            signatures);
    }
}
