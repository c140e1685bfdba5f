namespace McpVanguard.Cli.AuditLog;

/// <summary>The filters of <c>vanguard audit query</c> and <c>stats</c>; every one given must match (rule and tool case-insensitively).</summary>
internal sealed record AuditFilter(DateTimeOffset? Since, string? Verdict, string? Rule, string? Server, string? Session, string? Tool)
{
    public bool Matches(AuditEntry entry)
        => (Since is null || entry.Time is { } time && time >= Since)
            && (Verdict is null || string.Equals(entry.Text("verdict"), Verdict, StringComparison.OrdinalIgnoreCase) || string.Equals(entry.Text("suppressed_verdict"), Verdict, StringComparison.OrdinalIgnoreCase))
            && (Rule is null || entry.RuleIds.Contains(Rule, StringComparer.OrdinalIgnoreCase))
            && (Server is null || entry.Text("server_id") == Server)
            && (Session is null || entry.Text("session") == Session)
            && (Tool is null || string.Equals(entry.Text("tool"), Tool, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// <c>--since</c>: a duration back from <paramref name="now"/> (<c>30m</c>, <c>2h</c>, <c>7d</c>) or an ISO 8601 time.
    /// Throws <see cref="FormatException"/> with the accepted forms.
    /// </summary>
    public static DateTimeOffset? ParseSince(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length >= 2 && long.TryParse(text[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var amount) && amount <= 100_000)
        {
            switch (text[^1])
            {
                case 's': return now.AddSeconds(-amount);
                case 'm': return now.AddMinutes(-amount);
                case 'h': return now.AddHours(-amount);
                case 'd': return now.AddDays(-amount);
            }
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new FormatException($"--since '{text}' is neither a duration (30m, 2h, 7d) nor a time (2026-12-07T10:00:00Z).");
    }
}
