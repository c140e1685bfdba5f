namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Commands that fetch a package from a registry and run it at once (<c>npx</c>, <c>bunx</c>, <c>pnpx</c>, <c>uvx</c>, <c>npm exec</c>/<c>npm x</c>,
/// <c>pnpm dlx</c>, <c>yarn dlx</c>, <c>bun x</c>, <c>pipx run</c>, <c>uv tool run</c>): the files named on their line are read by code nobody
/// reviewed, so their operands are read targets, judged like <c>cat</c>'s (a credential file there is sent to that code).
/// </summary>
internal static class PackageRunners
{
    /// <summary>True when the command at <paramref name="k"/> (named <paramref name="name"/>) runs a package fetched on the spot.</summary>
    public static bool RunsFetched(List<string> words, int k, string name)
    {
        if (name is "npx" or "bunx" or "pnpx" or "uvx")
        {
            return true;
        }

        if (name is not ("npm" or "pnpm" or "yarn" or "bun" or "pipx" or "uv"))
        {
            return false;
        }

        // The subcommand: the first word after the program that is not an option.
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.StartsWith('-'))
            {
                continue;
            }

            return name switch
            {
                "npm" => w is "exec" or "x",
                "pnpm" or "yarn" => w == "dlx",
                "bun" => w == "x",
                "pipx" => w == "run",
                _ => w == "tool" && i + 1 < words.Count && words[i + 1] == "run",
            };
        }

        return false;
    }

    /// <summary>
    /// The operands and <c>--option=value</c> values after the runner that name a file outside the project (absolute, home or variable paths):
    /// the project's own files (<c>--env-file=.env.local</c>, <c>scripts/seed.ts</c>) are what these tools are run on.
    /// </summary>
    public static IEnumerable<string> OutsideFiles(List<string> words, int k)
    {
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            var value = !w.StartsWith('-') ? w : w.StartsWith("--", StringComparison.Ordinal) && w.IndexOf('=') is var eq and > 2 ? w[(eq + 1)..] : null;
            if (value is { Length: > 1 } && (value[0] is '/' or '~' or '$' or '\\' || value[1] == ':'))
            {
                yield return value;
            }
        }
    }
}
