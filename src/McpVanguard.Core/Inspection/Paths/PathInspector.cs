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
        foreach (var s in context.Strings.Items)
        {
            var role = ArgumentRoles.Classify(s, context.ToolName);
            if ((role & ArgumentRole.Command) != 0)
            {
                InspectCommand(s.Decoded, findings);
            }
            else if ((role & ArgumentRole.Path) != 0 && (role & ArgumentRole.Url) == 0 || s.Canonical.StartsWith("file:", StringComparison.Ordinal))
            {
                InspectPath(s.Canonical, write, traversal: true, findings);
            }
        }
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

    /// <summary>Files read by commands such as <c>cat</c>, <c>head</c>, <c>base64</c> or copied by <c>cp</c>/<c>scp</c>; redirect targets are writes.</summary>
    private static void InspectCommand(string text, List<Finding> findings)
    {
        var script = ShellTokenizer.Parse(text);
        foreach (var command in script.AllCommands())
        {
            var words = command.Words;
            var k = ShellVocabulary.FindCommand(words, out _);
            if (k < words.Count && ShellVocabulary.Readers.Contains(ShellVocabulary.NameOf(words[k])))
            {
                var copy = ShellVocabulary.NameOf(words[k]) is "cp" or "scp" or "rsync";
                for (var i = k + 1; i < words.Count; i++)
                {
                    if (!words[i].StartsWith('-'))
                    {
                        InspectPath(words[i].Replace('\\', '/').ToLowerInvariant(), write: false, traversal: false, findings);
                        if (copy)
                        {
                            break; // only the source of a copy is read
                        }
                    }
                }
            }

            foreach (var r in command.Redirects)
            {
                if (r.Operator is "<" && r.Target.Length > 0)
                {
                    InspectPath(r.Target.Replace('\\', '/').ToLowerInvariant(), write: false, traversal: false, findings);
                }
            }
        }
    }
}
