using McpVanguard.Audit;

namespace McpVanguard.Cli.AuditLog;

/// <summary>One audit record as one human line: time, verdict, server, method and tool, rules, reason. Record text is escaped (it comes from agents and servers).</summary>
internal static class AuditLine
{
    public static string Format(AuditEntry entry, bool colour)
    {
        var verdict = entry.Text("verdict") ?? "?";
        var label = verdict == AuditRecord.SummaryVerdict ? $"{entry.Text("suppressed_verdict")}×{(entry.Record.TryGetProperty("suppressed", out var n) ? n.ToString() : "?")}" : verdict;
        var painted = colour ? Paint(verdict == AuditRecord.SummaryVerdict ? entry.Text("suppressed_verdict") : verdict, $"{label,-12}") : $"{label,-12}";
        var what = string.Join(' ', new[] { entry.Text("method"), entry.Text("tool") }.Where(static t => t is not null).Select(LogLineText.Escape));
        var rules = entry.RuleIds.Count == 0 ? string.Empty : $" [{string.Join(", ", entry.RuleIds.Select(LogLineText.Escape))}]";
        var reason = entry.Text("reason") is { } r ? " " + LogLineText.Escape(r) : string.Empty;
        return $"{entry.Text("time")}  {painted} {LogLineText.Escape(entry.Text("server_id") ?? "?")}  {what}{rules}{reason}";
    }

    private static string Paint(string? verdict, string text) => verdict switch
    {
        "block" => $"\u001b[31m{text}\u001b[0m",
        "redact" or "shadow-block" or "review" => $"\u001b[33m{text}\u001b[0m",
        "allow" => $"\u001b[32m{text}\u001b[0m",
        _ => text,
    };
}
