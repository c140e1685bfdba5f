using System.Collections.Frozen;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Tools named after the one program they wrap (<c>git</c>, <c>git_cli</c>, <c>tar_tool</c>, <c>ssh_remote</c>, <c>rsync_files</c>): their
/// argv (<c>args</c>, <c>options</c>, <c>flags</c>) is that program's, so <c>-c core.pager=…</c>, <c>--to-command=…</c> or
/// <c>-o LocalCommand=…</c> there run code exactly as on a command line. Only programs whose options can run code, and whose names are not
/// everyday English words (make, go, find, env, man), are recognised.
/// </summary>
internal static class WrappedProgramTools
{
    /// <summary>Programs with options that run a command or load code (the per-program table of <see cref="ShellAnalyzer"/>).</summary>
    private static readonly string[] ProgramList =
        ["git", "tar", "gtar", "bsdtar", "zip", "ssh", "scp", "sftp", "rsync", "rg", "ripgrep", "sed", "tcpdump", "mysql", "mariadb", "gdb",
         "cargo", "npm", "pnpm", "yarn", "npx", "mvn", "ansible", "xargs", "vim", "nvim"];

    private static readonly FrozenSet<string> Programs = FrozenSet.Create(StringComparer.Ordinal, ProgramList);

    /// <summary>Per tool name: 0 for none, else the index of the wrapped program plus one (worked out once per name).</summary>
    private static readonly NameTraitCache Wrapped = new(static name => Compute(name) is { } program ? Array.IndexOf(ProgramList, program) + 1 : 0);

    /// <summary>The program a tool's name says it wraps (its first or any word: <c>git_cli</c>, <c>remote_rsync</c>), or null.</summary>
    public static string? Of(string? toolName)
    {
        if (string.IsNullOrEmpty(toolName))
        {
            return null;
        }

        var index = Wrapped.Of(toolName);
        return index == 0 ? null : ProgramList[index - 1] == "ripgrep" ? "rg" : ProgramList[index - 1];
    }

    /// <summary>Keys that carry the wrapped program's options and operands.</summary>
    public static bool IsOptionsKey(string key) =>
        ArgumentRoles.IsArgvKey(key) || key.ToLowerInvariant() is "options" or "flags" or "opts" or "extra_args" or "extra_arguments" or "cli_args" or "git_args" or "extra_options";

    private static string? Compute(string toolName)
    {
        if (toolName.Length > 64)
        {
            return null;
        }

        var start = 0;
        for (var i = 0; i <= toolName.Length; i++)
        {
            if (i < toolName.Length && char.IsAsciiLetterOrDigit(toolName[i]) && !(i > start && char.IsAsciiLetterUpper(toolName[i]) && char.IsAsciiLetterLower(toolName[i - 1])))
            {
                continue;
            }

            if (i > start && Programs.Contains(toolName[start..i].ToLowerInvariant()))
            {
                return toolName[start..i].ToLowerInvariant();
            }

            start = i < toolName.Length && char.IsAsciiLetterOrDigit(toolName[i]) ? i : i + 1;
        }

        return null;
    }
}
