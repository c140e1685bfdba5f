namespace McpVanguard.Dashboard.Audit;

/// <summary>The filters of the Live page; every one given must match (verdict, rule and tool case-insensitively).</summary>
internal sealed record AuditQuery(string? Verdict, string? Server, string? Rule, string? Tool, string? Session)
{
    public static AuditQuery None { get; } = new(null, null, null, null, null);

    public bool IsEmpty => Verdict is null && Server is null && Rule is null && Tool is null && Session is null;

    /// <summary>Reads the filters from a query string; an empty value means no filter.</summary>
    public static AuditQuery From(Func<string, string?> parameter)
        => new(Given(parameter("verdict")), Given(parameter("server")), Given(parameter("rule")), Given(parameter("tool")), Given(parameter("session")));

    public bool Matches(AuditSummary record)
        => (Verdict is null || string.Equals(record.Verdict, Verdict, StringComparison.OrdinalIgnoreCase))
            && (Server is null || record.Server == Server)
            && (Rule is null || record.RuleIds.Contains(Rule, StringComparer.OrdinalIgnoreCase))
            && (Tool is null || string.Equals(record.Tool, Tool, StringComparison.OrdinalIgnoreCase))
            && (Session is null || record.Session == Session);

    /// <summary>Whether a record of <paramref name="verdict"/> can match, decided from the index alone (no read from disk).</summary>
    public bool MayMatch(string verdict) => Verdict is null || string.Equals(verdict, Verdict, StringComparison.OrdinalIgnoreCase);

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
