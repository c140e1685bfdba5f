using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Commands whose output is the names they were given: <c>ls -d /etc/sh*w</c>, <c>realpath ~/.ssh/id_rsa</c>, <c>readlink -f …</c>,
/// <c>find /etc/shadow</c> with no test. In a substitution (<c>cat $(ls -d /etc/sh*w)</c>) or fed to <c>xargs</c> they hand the path on
/// unchanged, so the path they print is the one the outer command opens. Globs stay as written for the expansion to match.
/// </summary>
internal static class ShellPrintedNames
{
    /// <summary>The operands <paramref name="words"/> prints (its command at <paramref name="k"/>), space-joined; null for other commands or none.</summary>
    public static string? Of(List<string> words, int k)
    {
        var name = NameOf(words[k]);
        if (name is not ("ls" or "realpath" or "readlink" or "find" or "stat"))
        {
            return null;
        }

        if (name == "readlink" && !words.Exists(static w => w is "-f" or "-e" or "-m" or "--canonicalize"))
        {
            return null; // without -f readlink prints a link's target, not its own name
        }

        if (name == "stat" && !words.Exists(static w => w.StartsWith("-c", StringComparison.Ordinal) && w.Contains("%n", StringComparison.Ordinal)))
        {
            return null; // stat prints a report, unless its format is the name alone
        }

        List<string>? operands = null;
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.StartsWith('-'))
            {
                if (name == "find")
                {
                    return null; // find with a test prints what matches it, not its operand
                }

                continue;
            }

            if (name == "stat" && i > k + 1 && words[i - 1] == "-c")
            {
                continue; // the format
            }

            operands ??= [];
            operands.Add(w);
        }

        return operands is null ? null : string.Join(' ', operands);
    }
}
