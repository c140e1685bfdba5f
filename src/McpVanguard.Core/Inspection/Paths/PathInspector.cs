using McpVanguard.Inspection.Shell;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Paths;

/// <summary>
/// Path arguments that traverse above their start (PATH-001) or reach a sensitive location (PATH-010…030, one rule per
/// family), after folding separators, stripping <c>file://</c> and resolving <c>..</c>. Commands that read such files
/// (<c>cat ~/.aws/credentials</c>) are checked too. Content arguments are never read as paths.
/// </summary>
public sealed class PathInspector : IInspector
{
    /// <summary>Paths with more segments than this are not matched against the catalog (they still get traversal checks).</summary>
    private const int MaxSegments = 128;

    public string Id => "PATH-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.AgentToServer)
        {
            return;
        }

        var write = ArgumentRoles.IsWriteTool(context.ToolName);
        var runsCode = ArgumentRoles.RunsCode(context.ToolName);
        string? cwd = null;
        foreach (var s in context.Strings.Items)
        {
            var role = ArgumentRoles.Classify(s, context.ToolName);
            if ((role & ArgumentRole.Command) != 0)
            {
                // A command runs where the call says it runs: {"cwd": "/etc", "command": "cat shadow"} reads /etc/shadow.
                cwd ??= WorkingDirectory(context);
                Inspect(ShellReadTargets.OfCommand(s.Decoded, cwd), findings);
            }
            else if (runsCode && ArgumentRoles.IsCodeKey(s.Key))
            {
                cwd ??= WorkingDirectory(context);
                Inspect(ShellReadTargets.OfCode(s.Decoded, cwd), findings);
            }
            else if ((role & ArgumentRole.Path) != 0 && (role & ArgumentRole.Url) == 0 || s.Canonical.StartsWith("file:", StringComparison.Ordinal))
            {
                InspectPath(s.Canonical, write, traversal: true, findings);
            }
        }
    }

    /// <summary>The call's working-directory argument (<c>cwd</c>, <c>working_directory</c>, <c>workdir</c>), or null.</summary>
    private static string? WorkingDirectory(InspectionContext context)
    {
        foreach (var s in context.Strings.Items)
        {
            if (s.Key.ToLowerInvariant() is "cwd" or "working_directory" or "workdir" or "working_dir" or "workingdirectory" or "dir" or "directory" or "current_directory")
            {
                return s.Decoded;
            }
        }

        return null;
    }

    private static void InspectPath(string canonical, bool write, bool traversal, List<Finding> findings)
    {
        if (canonical.Length == 0 || canonical.Length > 4096)
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

    /// <summary>
    /// Files a command or interpreter code reads (after the shell's expansions, see <see cref="ShellReadTargets"/>). A guess from a glob that
    /// matched several catalogued names warns instead of blocking.
    /// </summary>
    private static void Inspect(List<ShellPathCandidate> paths, List<Finding> findings)
    {
        foreach (var candidate in paths)
        {
            if (!candidate.Ambiguous)
            {
                InspectPath(candidate.Path, write: false, traversal: false, findings);
                continue;
            }

            var found = new List<Finding>();
            InspectPath(candidate.Path, write: false, traversal: false, found);
            foreach (var f in found)
            {
                findings.AddOnce(f.Action == FindingAction.Block ? f with { Action = FindingAction.Warn } : f);
            }
        }
    }
}
