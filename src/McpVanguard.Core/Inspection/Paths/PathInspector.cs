using System.Text.Json;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Inspection.Shell;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Paths;

/// <summary>
/// Path arguments that traverse above their start (PATH-001) or reach a sensitive location (PATH-010…031, one rule per
/// family), after folding separators, stripping <c>file://</c> and resolving <c>..</c>. Commands that read such files
/// (<c>cat ~/.aws/credentials</c>) are checked too, and so is a path composed of a directory argument and a name argument
/// (<c>{"directory": "/etc", "file": "shadow"}</c>). Content arguments are never read as paths.
/// </summary>
public sealed class PathInspector : IInspector
{
    public string Id => "PATH-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.AgentToServer)
        {
            return;
        }

        var write = ArgumentRoles.IsWriteTool(context.ToolName);
        var runsCode = ArgumentRoles.RunsCode(context.ToolName);
        var first = findings.Count;
        string? cwd = null;
        foreach (var s in context.Strings.Items)
        {
            var role = ArgumentRoles.Classify(s, context.ToolName);
            if ((role & ArgumentRole.Command) != 0)
            {
                // A command runs where the call says it runs: {"cwd": "/etc", "command": "cat shadow"} reads /etc/shadow.
                cwd ??= WorkingDirectory(context);
                Inspect(ShellReadTargets.OfCommand(s.Decoded, cwd), findings);
                if (ArgumentRoles.NamesLanguage(context.ToolName) || ArgumentRoles.IsExpressionKey(s.Key) && (ArgumentRoles.NamesInterpreter(context.ToolName) || Shell.TypedLines.LooksLikeCode(s.Decoded)))
                {
                    // run_python {"script": "open('/etc/shadow')"}: the script is code in that language; a REPL's input may be either.
                    Inspect(ShellReadTargets.OfCode(s.Decoded, cwd), findings);
                }
            }
            else if (runsCode && (ArgumentRoles.IsCodeKey(s.Key) || ArgumentRoles.IsExpressionKey(s.Key)))
            {
                cwd ??= WorkingDirectory(context);
                Inspect(ShellReadTargets.OfCode(s.Decoded, cwd), findings);
            }
            else if ((role & ArgumentRole.Path) != 0 && (role & ArgumentRole.Url) == 0 || s.Canonical.StartsWith("file:", StringComparison.Ordinal))
            {
                SensitivePathJudge.Judge(s.Canonical, write, traversal: true, findings);
            }
        }

        if (ComposedPaths.MayCompose(context.Strings.Items) && context.Message.Params is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("arguments", out var arguments))
        {
            InspectComposed(arguments, write, findings);
        }

        if (write)
        {
            SoftenEnvironmentSetup(context, findings, first);
        }
    }

    /// <summary>Keys whose value is what a write or edit tool puts into the file (not the text it replaces).</summary>
    private static bool IsWrittenTextKey(string key) =>
        key.ToLowerInvariant() is "content" or "contents" or "text" or "append" or "append_text" or "new_string" or "newtext" or "new_text"
            or "new_str" or "newstring" or "new_content" or "replacement" or "insert_text" or "data" or "value" or "line" or "lines";

    /// <summary>
    /// A write to a shell start-up file (PATH-022) that only sets up the environment (<c>export PATH="$HOME/.local/bin:$PATH"</c>,
    /// an installer's <c>. "$HOME/.cargo/env"</c>) is a warning, not persistence: what was written is read, see <see cref="StartupFileContent"/>.
    /// </summary>
    private static void SoftenEnvironmentSetup(InspectionContext context, List<Finding> findings, int first)
    {
        var index = -1;
        for (var i = first; i < findings.Count; i++)
        {
            if (findings[i] is { RuleId: "PATH-022", Action: FindingAction.Block })
            {
                index = i;
            }
        }

        if (index < 0)
        {
            return;
        }

        var written = 0;
        foreach (var s in context.Strings.Items)
        {
            if (!IsWrittenTextKey(s.Key))
            {
                continue;
            }

            if (!StartupFileContent.SetsEnvironmentOnly(s.Raw) || !StartupFileContent.SetsEnvironmentOnly(s.Decoded))
            {
                return;
            }

            written++;
        }

        if (written > 0)
        {
            findings[index] = findings[index] with
            {
                Action = FindingAction.Warn, Severity = Severity.Medium, Reason = "Write to a shell start-up file that only sets environment variables.",
            };
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

    /// <summary>A path built from a directory argument and a name argument is judged as the path the tool will open.</summary>
    private static void InspectComposed(JsonElement arguments, bool write, List<Finding> findings)
    {
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var (directory, name) in ComposedPaths.Find(arguments))
        {
            // The same canonical copy a path argument gets (percent-decoding, NFKC, invisible characters, case, separators).
            var canonical = StringCanonicalizer.Canonicalize(string.Empty, ComposedPaths.Join(directory, name)).Canonical;
            SensitivePathJudge.Judge(canonical, write, traversal: false, findings);

            // A name that climbs out of the directory it is joined to is traversal, wherever the result lands.
            var relative = StringCanonicalizer.Canonicalize(string.Empty, name).Canonical;
            if (relative.Contains("..", StringComparison.Ordinal))
            {
                SensitivePathJudge.Judge(relative, write, traversal: true, findings);
            }
        }
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
                SensitivePathJudge.Judge(candidate.Path, write: false, traversal: false, findings);
                continue;
            }

            var found = new List<Finding>();
            SensitivePathJudge.Judge(candidate.Path, write: false, traversal: false, found);
            foreach (var f in found)
            {
                findings.AddOnce(f.Action == FindingAction.Block ? f with { Action = FindingAction.Warn } : f);
            }
        }
    }
}
