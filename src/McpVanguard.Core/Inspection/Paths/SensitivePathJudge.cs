namespace McpVanguard.Inspection.Paths;

/// <summary>
/// Judges one path as a read or a write: traversal above its start (PATH-001) and the sensitive family it falls in
/// (PATH-010…031). The one place a path becomes findings, for path arguments, composed paths and the files commands touch.
/// </summary>
internal static class SensitivePathJudge
{
    /// <summary>Paths with more segments than this are not matched against the catalog (they still get traversal checks).</summary>
    private const int MaxSegments = 128;

    /// <summary>Longest path judged; longer strings are not paths anyone opens.</summary>
    public const int MaxLength = 4096;

    /// <summary>Adds the findings for <paramref name="canonical"/> (lower-cased, <c>/</c>-separated).</summary>
    /// <param name="traversal">Whether climbing above the start is itself a finding (for a path argument; not for a command operand).</param>
    public static void Judge(string canonical, bool write, bool traversal, List<Finding> findings)
    {
        if (canonical.Length == 0 || canonical.Length > MaxLength)
        {
            return;
        }

        var path = NormalizedPath.Parse(canonical);

        // Path traversal: "../../etc/passwd", "..\\..\\windows", "/var/www/../../etc" climb above where they start.
        if (traversal && path.Climb > 0)
        {
            findings.AddOnce(path.Climb >= 2 || path.IsRooted
                ? new Finding("PATH-001", "L1", "MCP-08", Severity.High, FindingAction.Block, "Path traversal climbs above its starting directory.")
                : new Finding("PATH-001", "L1", "MCP-08", Severity.Medium, FindingAction.Warn, "Path climbs one level above its starting directory."));
        }

        if (path.Segments.Count > MaxSegments || SensitivePathCatalog.Match(path) is not { } location)
        {
            return;
        }

        // Sensitive file access: reading keys and credentials is exfiltration; writing start-up or cron files is persistence.
        var action = write ? location.Write : location.Read;
        if (action is not { } a)
        {
            return;
        }

        var severity = write ? location.WriteSeverity : location.ReadSeverity;
        var category = write ? location.WriteCategory : location.Category;
        findings.AddOnce(new Finding(location.RuleId, "L1", category, severity, a, $"{(write ? "Write to" : "Access to")} {location.Family}."));
    }
}
