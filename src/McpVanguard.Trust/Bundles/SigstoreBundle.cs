namespace McpVanguard.Trust.Bundles;

/// <summary>A parsed Sigstore bundle: the signer's certificate chain or key hint, the log entries, timestamps and content.</summary>
internal sealed record SigstoreBundle(
    BundleVersion Version,
    IReadOnlyList<byte[]> Certificates,
    IReadOnlyList<LogEntry> LogEntries,
    IReadOnlyList<byte[]> Rfc3161Timestamps,
    MessageSignature? Message,
    DsseEnvelope? Envelope)
{
    /// <summary>True when the bundle is signed with a certificate (keyless); false for a key-signed bundle.</summary>
    public bool HasCertificate => Certificates.Count > 0;

    /// <summary>The bytes the signer signed over, as the log and the TSA saw them: the message or envelope signature.</summary>
    public byte[] Signature => Message?.Signature ?? Envelope!.Signatures[0].Sig;
}

/// <summary>Bundle format versions: v0.1 needs a signed entry timestamp, v0.2 and later an inclusion proof.</summary>
internal enum BundleVersion
{
    V01,
    V02,
    V03,
}

/// <summary>A signature over the artifact's bytes, with the (unauthenticated) digest hint.</summary>
internal sealed record MessageSignature(string? DigestAlgorithm, byte[]? Digest, byte[] Signature);

/// <summary>A DSSE envelope: its payload type and payload, and its signatures.</summary>
internal sealed record DsseEnvelope(string PayloadType, byte[] Payload, IReadOnlyList<DsseSignature> Signatures);

/// <summary>One DSSE signature.</summary>
internal sealed record DsseSignature(byte[] Sig, string? KeyId);

/// <summary>A transparency log entry as the bundle carries it.</summary>
internal sealed record LogEntry(
    long LogIndex,
    byte[] LogId,
    string Kind,
    string KindVersion,
    long? IntegratedTime,
    byte[]? SignedEntryTimestamp,
    InclusionProof? Proof,
    byte[] CanonicalizedBody);

/// <summary>An RFC 6962 audit path from the entry's leaf to a root hash, with the checkpoint that signs that root.</summary>
internal sealed record InclusionProof(long LogIndex, byte[] RootHash, long TreeSize, IReadOnlyList<byte[]> Hashes, string? Checkpoint);
