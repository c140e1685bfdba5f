using System.Text;
using McpVanguard.Inspection.Preflight;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// The commands inside a CI workflow that a write tool puts in the project (<c>write_file {"path": ".github/workflows/ci.yml", "content": …}</c>):
/// the runner executes every <c>run:</c> (GitHub, CircleCI), <c>script:</c>/<c>before_script:</c>/<c>after_script:</c> item (GitLab, Travis) and
/// <c>command:</c> on the next push, with the repository's secrets in reach. Those lines are code; the rest of the file (names, triggers,
/// matrices) and every other file written stay data. Block scalars (<c>run: |</c>) and lists are followed by indentation.
/// </summary>
internal static class WrittenBuildSteps
{
    private const int MaxText = 64 * 1024;

    /// <summary>Path fragments of CI definitions whose steps a runner executes (lower-case, '/' separators).</summary>
    private static readonly string[] WorkflowPaths =
        [".github/workflows/", ".gitlab-ci.yml", ".gitlab/ci/", ".circleci/", "bitbucket-pipelines.yml", ".travis.yml", ".drone.yml", ".buildkite/", "azure-pipelines", ".woodpecker"];

    private static readonly string[] StepKeys = ["run:", "script:", "before_script:", "after_script:", "command:", "commands:"];

    /// <summary>True when one of the call's path arguments names a CI workflow file.</summary>
    public static bool WritesWorkflow(IReadOnlyList<ArgumentString> strings)
    {
        foreach (var s in strings)
        {
            if (ArgumentRoles.IsPathKey(s.Key))
            {
                var p = s.Decoded.Replace('\\', '/').ToLowerInvariant();
                if (Array.Exists(WorkflowPaths, f => p.Contains(f, StringComparison.Ordinal)) && (p.EndsWith(".yml", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The step commands of <paramref name="yaml"/>, one per line; empty when there are none.</summary>
    public static string Of(string yaml)
    {
        if (yaml.Length > MaxText)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        var blockIndent = -1; // inside a step's block scalar or list: lines indented deeper than this belong to it
        foreach (var range in yaml.AsSpan().Split('\n'))
        {
            var raw = yaml.AsSpan(range.Start.Value, range.End.Value - range.Start.Value).TrimEnd('\r');
            var body = raw.TrimStart(' ');
            var indent = raw.Length - body.Length;
            if (blockIndent >= 0)
            {
                if (body.Length == 0)
                {
                    continue;
                }

                if (indent > blockIndent || indent == blockIndent && body.StartsWith("- "))
                {
                    AppendLine(sb, body.StartsWith("- ") ? body[2..] : body);
                    continue;
                }

                blockIndent = -1;
            }

            var item = body.StartsWith("- ") ? body[2..].TrimStart(' ') : body;
            var itemIndent = indent + (body.Length - item.Length);
            foreach (var key in StepKeys)
            {
                if (!item.StartsWith(key, StringComparison.Ordinal))
                {
                    continue;
                }

                var value = item[key.Length..].Trim();
                if (value.Length == 0 || value[0] is '|' or '>')
                {
                    blockIndent = itemIndent;
                }
                else
                {
                    AppendLine(sb, value[0] == '[' ? value.Trim("[]") : value);
                }

                break;
            }
        }

        return sb.ToString();
    }

    private static void AppendLine(StringBuilder sb, ReadOnlySpan<char> line)
    {
        var l = line.Trim();
        if (l.Length >= 2 && (l[0] == '"' && l[^1] == '"' || l[0] == '\'' && l[^1] == '\''))
        {
            l = l[1..^1]; // a quoted scalar: the quotes are YAML's
        }

        if (l.Length > 0 && l[0] != '#')
        {
            sb.Append(l).Append('\n');
        }
    }
}
