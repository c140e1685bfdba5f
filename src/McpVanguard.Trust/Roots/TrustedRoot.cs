using McpVanguard.Trust.Keys;

namespace McpVanguard.Trust.Roots;

/// <summary>A Sigstore TrustedRoot: the transparency logs, certificate authorities, CT logs and TSAs a verifier trusts.</summary>
internal sealed record TrustedRoot(
    IReadOnlyList<LogAuthority> TransparencyLogs,
    IReadOnlyList<CertificateAuthority> CertificateAuthorities,
    IReadOnlyList<LogAuthority> CtLogs,
    IReadOnlyList<CertificateAuthority> TimestampAuthorities)
{
    public LogAuthority? TransparencyLog(ReadOnlySpan<byte> keyId) => Find(TransparencyLogs, keyId);

    public LogAuthority? CtLog(ReadOnlySpan<byte> keyId) => Find(CtLogs, keyId);

    private static LogAuthority? Find(IReadOnlyList<LogAuthority> logs, ReadOnlySpan<byte> keyId)
    {
        foreach (var log in logs)
        {
            if (keyId.SequenceEqual(log.KeyId))
            {
                return log;
            }
        }

        return null;
    }
}

/// <summary>A transparency or CT log: where it lives, its key id (log id), its key and when that key is trusted.</summary>
internal sealed record LogAuthority(string BaseUrl, byte[] KeyId, SigstorePublicKey Key, TrustWindow Valid)
{
    /// <summary>The name a log signs its checkpoints with: the authority (host[:port]) of its base URL.</summary>
    public string CheckpointName => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri.Authority : BaseUrl;
}

/// <summary>A Fulcio CA or a timestamp authority: its certificate chain (leaf or intermediate first, root last) and validity.</summary>
internal sealed record CertificateAuthority(string Uri, IReadOnlyList<byte[]> CertChain, TrustWindow Valid);

/// <summary>A closed time interval (the trusted root's TimeRange: both ends inclusive; no end means still valid).</summary>
internal sealed record TrustWindow(DateTimeOffset Start, DateTimeOffset? End)
{
    public bool Contains(DateTimeOffset time) => time >= Start && (End is null || time <= End);
}
