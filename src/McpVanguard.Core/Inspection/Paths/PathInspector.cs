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
        foreach (var s in context.Strings.Items)
        {
            var role = ArgumentRoles.Classify(s, context.ToolName);
            if ((role & ArgumentRole.Command) != 0)
            {
                InspectCommand(s.Decoded, findings);
            }
            else if ((role & ArgumentRole.Path) != 0 && (role & ArgumentRole.Url) == 0 || s.Canonical.StartsWith("file:", StringComparison.Ordinal))
            {
                SensitivePathJudge.Judge(s.Canonical, write, traversal: true, findings);
            }
        }

        if (context.Message.Params is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("arguments", out var arguments))
        {
            InspectComposed(arguments, write, findings);
        }
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
                        SensitivePathJudge.Judge(words[i].Replace('\\', '/').ToLowerInvariant(), write: false, traversal: false, findings);
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
                    SensitivePathJudge.Judge(r.Target.Replace('\\', '/').ToLowerInvariant(), write: false, traversal: false, findings);
                }
            }
        }
    }
}
