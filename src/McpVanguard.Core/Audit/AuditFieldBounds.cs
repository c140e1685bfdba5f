using System.Security.Cryptography;
using System.Text;
using McpVanguard.Inspection.Secrets;

namespace McpVanguard.Audit;

/// <summary>
/// Bounds every agent- or server-controlled field of an audit record before it is queued: a field longer than its cap
/// keeps its first characters plus the length and a SHA-256 of the whole value (to correlate without storing it), and
/// a credential placed in an id, method, tool name or reason is masked like one in a server's answer; control and
/// bidi characters are written as visible escapes (<see cref="LogLineText"/>).
/// </summary>
public static class AuditFieldBounds
{
    /// <summary>Cap for identifiers (request id, method, tool, server id, session): longer ones are hostile, not useful.</summary>
    public const int MaxIdentifierChars = 256;

    /// <summary>Cap for the reason, which may quote what was found.</summary>
    public const int MaxReasonChars = 1024;

    /// <summary>Cap for each name of a withheld tool (server-chosen; up to 32 of them share one record and one stderr line).</summary>
    public const int MaxWithheldNameChars = 128;

    /// <summary>A credential can straddle the cut: scan this much past the cap so it is masked, not half-kept.</summary>
    private const int ScanMargin = 512;

    /// <summary>The record with every free-text field bounded and redacted; the same instance when nothing changes.</summary>
    public static AuditRecord Apply(AuditRecord record) => Apply(record, sessionBounded: false);

    /// <summary>The record with its session bounded (<see cref="Bound"/> is not idempotent on a cut value: bound each field once).</summary>
    /// <summary>A session or server id as a record holds it (the throttle keys by the bounded session).</summary>
    internal static string BoundIdentifier(string value) => Bound(value, MaxIdentifierChars)!;

    internal static AuditRecord BoundSession(AuditRecord record)
        => Bound(record.Session, MaxIdentifierChars) is var session && ReferenceEquals(session, record.Session) ? record : record with { Session = session! };

    /// <summary>As <see cref="Apply(AuditRecord)"/>; <paramref name="sessionBounded"/> when <see cref="BoundSession"/> already ran.</summary>
    internal static AuditRecord Apply(AuditRecord record, bool sessionBounded)
    {
        var session = sessionBounded ? record.Session : Bound(record.Session, MaxIdentifierChars)!;
        var server = Bound(record.ServerId, MaxIdentifierChars)!;
        var method = Bound(record.Method, MaxIdentifierChars);
        var tool = Bound(record.Tool, MaxIdentifierChars);
        var id = Bound(record.RequestId, MaxIdentifierChars);
        var reason = Bound(record.Reason, MaxReasonChars);
        var client = Bound(record.Client, MaxIdentifierChars);
        var withheld = record.Withheld?.Select(static name => Bound(name, MaxWithheldNameChars)!).ToList();
        if (ReferenceEquals(session, record.Session) && ReferenceEquals(server, record.ServerId) && ReferenceEquals(method, record.Method)
            && ReferenceEquals(tool, record.Tool) && ReferenceEquals(id, record.RequestId) && ReferenceEquals(reason, record.Reason)
            && ReferenceEquals(client, record.Client) && (withheld is null || withheld.SequenceEqual(record.Withheld!, ReferenceEqualityComparer.Instance)))
        {
            return record;
        }

        return record with { Session = session, ServerId = server, Method = method, Tool = tool, RequestId = id, Reason = reason, Client = client, Withheld = withheld };
    }

    /// <summary><paramref name="value"/> redacted and cut to <paramref name="cap"/> characters (plus a marker); the same string when it is short and clean.</summary>
    public static string? Bound(string? value, int cap)
    {
        if (value is null)
        {
            return null;
        }

        var window = value.Length > cap + ScanMargin ? value[..(cap + ScanMargin)] : value;

        // Control, line-separator and bidi characters are kept visible as escapes, so that no reader of the file or of
        // stderr (cat, less, a terminal, jq -r) sees a forged line or reordered text.
        var redacted = LogLineText.Escape(Redact(window));
        if (value.Length <= cap)
        {
            return redacted;
        }

        // The hash is of the whole value as it arrived, so two records of one oversized id can be matched.
        var hash = Sha256OfUtf8(value);
        var kept = redacted.Length > cap ? redacted[..cap] : redacted;
        if (kept.Length > 0 && char.IsHighSurrogate(kept[^1]))
        {
            kept = kept[..^1];
        }

        return $"{kept}…[truncated: {value.Length} chars, sha256 {hash}]";
    }

    /// <summary>SHA-256 of the UTF-8 form of <paramref name="value"/>, encoded in chunks: a 3 MB id costs no 3 MB copy.</summary>
    private static string Sha256OfUtf8(string value)
    {
        const int ChunkChars = 4096;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var encoder = Encoding.UTF8.GetEncoder();
        Span<byte> buffer = stackalloc byte[Encoding.UTF8.GetMaxByteCount(ChunkChars)];
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var take = Math.Min(ChunkChars, rest.Length);
            var written = encoder.GetBytes(rest[..take], buffer, flush: take == rest.Length);
            hash.AppendData(buffer[..written]);
            rest = rest[take..];
        }

        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    private static string Redact(string text)
    {
        var matches = SecretScanner.Scan(text, scope: SecretScope.Both);
        if (matches.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var match in matches)
        {
            var end = match.Start + match.Length;
            if (end <= at)
            {
                continue;
            }

            if (match.Start >= at)
            {
                builder.Append(text, at, match.Start - at).Append("[REDACTED:").Append(match.Kind).Append(']');
            }

            // An overlapping match only widens the span already masked.
            at = end;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }
}
