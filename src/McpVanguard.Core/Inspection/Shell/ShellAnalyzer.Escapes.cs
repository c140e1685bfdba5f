using static McpVanguard.Inspection.Shell.ShellVocabulary;
using Kind = McpVanguard.Inspection.Shell.CodeLoadingSettings.Kind;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Programs whose own script language escapes to a shell (SHELL-014): <c>find -exec</c> and <c>xargs</c> running a shell per item,
/// GNU sed's <c>e</c> command and <c>s///e</c>, awk's <c>system()</c> and pipes, <c>env -S</c>.
/// </summary>
internal sealed partial class ShellAnalyzer
{
    /// <summary>
    /// The command <c>find -exec</c> or <c>xargs</c> runs for each item. A shell run per item that ignores the item (<c>sh -c 'id'</c>,
    /// an interactive <c>/bin/sh</c>) is a smuggled command; <c>sh -c 'gzip "$1"' _ {}</c> is the everyday idiom.
    /// </summary>
    private void RunsPerItem(List<string> words, int start, int nesting)
    {
        if (start >= words.Count)
        {
            return;
        }

        var name = NameOf(words[start]);
        var shell = Shells.Contains(name) || name is "cmd" or "powershell" or "pwsh";
        if (!shell && !name.StartsWith("python", StringComparison.Ordinal) && name is not ("perl" or "ruby" or "node" or "php"))
        {
            return;
        }

        string? script = null;
        for (var i = start + 1; i < words.Count - 1 && script is null; i++)
        {
            if (words[i].Length > 1 && words[i][0] == '-' && words[i].Contains(shell ? 'c' : 'e'))
            {
                script = words[i + 1];
            }
        }

        if (script is null)
        {
            // An interactive shell run by find or xargs (GTFOBins "find . -exec /bin/sh \; -quit").
            if (shell && !words.Skip(start + 1).Any(static w => !w.StartsWith('-') && w is not ("{}" or ";" or "+" or "\\;")))
            {
                Report(ShellFindings.CodeLoading);
            }

            return;
        }

        if (!script.Contains("{}", StringComparison.Ordinal) && !script.Contains('$'))
        {
            Report(ShellFindings.CodeLoading);
        }

        AnalyzeText(script, nesting + 1);
    }

    private static int SkipXargsOptions(List<string> words, int k)
    {
        var i = k + 1;
        while (i < words.Count && words[i].StartsWith('-'))
        {
            i += words[i] is "-I" or "-n" or "-P" or "-d" or "-L" or "-s" or "-E" or "-a" or "--arg-file" or "--delimiter" or "--max-args" or "--max-procs" ? 2 : 1;
        }

        return i;
    }

    /// <summary>
    /// The string xargs replaces with each input item (<c>-I{}</c>, <c>-I X</c>, <c>-i</c>, <c>--replace[=R]</c>), or null when it appends
    /// the items instead. Options before the program only.
    /// </summary>
    private static string? XargsReplaceString(List<string> words, int k, int program)
    {
        for (var i = k + 1; i < program && i < words.Count; i++)
        {
            var w = words[i];
            if (w == "-I" && i + 1 < program)
            {
                return words[i + 1].Length > 0 ? words[i + 1] : null;
            }

            if (w.StartsWith("-I", StringComparison.Ordinal) && w.Length > 2)
            {
                return w[2..];
            }

            if (w is "-i" or "--replace")
            {
                return "{}";
            }

            if (w.StartsWith("--replace=", StringComparison.Ordinal) && w.Length > 10)
            {
                return w[10..];
            }

            if (w.StartsWith("-i", StringComparison.Ordinal) && w.Length > 2)
            {
                return w[2..];
            }
        }

        return null;
    }

    /// <summary>GNU sed's <c>e</c> command and the <c>e</c> flag of <c>s///e</c> run the pattern space or a command through the shell.</summary>
    private void SedExecutes(List<string> words, int k, int nesting)
    {
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            string? script = null;
            if (w is "-e" or "--expression" && i + 1 < words.Count)
            {
                script = words[++i];
            }
            else if (w.StartsWith("--expression=", StringComparison.Ordinal))
            {
                script = w[13..];
            }
            else if (!w.StartsWith('-'))
            {
                script = w;
            }
            else if (w is "-f" or "--file")
            {
                i++;
            }

            if (script is not null && SedScriptExecutes(script, out var command))
            {
                Report(ShellFindings.CodeLoading);
                AnalyzeText(command, nesting + 1);
            }

            if (script is not null && !w.StartsWith('-'))
            {
                return; // the first operand is the script, the rest are files
            }
        }
    }

    private static bool SedScriptExecutes(string script, out string command)
    {
        command = string.Empty;
        foreach (var raw in script.Split([';', '\n']))
        {
            var c = raw.AsSpan().TrimStart();

            // Skip the address: line numbers, $, /regex/, ranges and negation.
            while (c.Length > 0 && (char.IsAsciiDigit(c[0]) || c[0] is '$' or ',' or '!' or ' ' or '~' or '+'))
            {
                c = c[1..];
            }

            if (c.Length > 0 && c[0] == '/')
            {
                var end = c[1..].IndexOf('/');
                c = end < 0 ? ReadOnlySpan<char>.Empty : c[(end + 2)..].TrimStart(",0123456789$/ !");
            }

            if (c.Length > 0 && c[0] == 'e' && (c.Length == 1 || c[1] == ' '))
            {
                command = c[1..].Trim().ToString();
                return true;
            }

            if (c.Length > 3 && c[0] == 's')
            {
                // s<d>regex<d>replacement<d>flags: the flags after the third delimiter.
                var d = c[1];
                var second = c[2..].IndexOf(d);
                var third = second < 0 ? -1 : c[(3 + second)..].IndexOf(d);
                if (third >= 0)
                {
                    var flags = c[(4 + second + third)..];
                    var stop = flags.IndexOfAny(' ', '}');
                    if ((stop < 0 ? flags : flags[..stop]).Contains('e'))
                    {
                        command = c[(3 + second)..(3 + second + third)].ToString();
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary><c>env -S 'sh -c …'</c>: env splits one string into a command line (env is a wrapper, so its options come before the command).</summary>
    private void CheckEnvSplit(List<string> words, int k, int nesting)
    {
        for (var i = 0; i < Math.Min(k, words.Count) - 0; i++)
        {
            if (NameOf(words[i]) != "env")
            {
                continue;
            }

            for (var j = i + 1; j < words.Count; j++)
            {
                var w = words[j];
                var split = w is "-S" or "--split-string" && j + 1 < words.Count ? words[j + 1] : w.StartsWith("--split-string=", StringComparison.Ordinal) ? w[15..]
                    : w.StartsWith("-S", StringComparison.Ordinal) && w.Length > 2 ? w[2..] : null;
                if (split is not null)
                {
                    // The split string is a command line like any other; hiding a shell command in it is the trick.
                    var first = split.TrimStart().Split(' ', 2)[0];
                    if (Shells.Contains(NameOf(first)) || NameOf(first) is "cmd" or "powershell" or "pwsh" || NetCats.Contains(NameOf(first)) || Downloaders.Contains(NameOf(first)))
                    {
                        Report(ShellFindings.CodeLoading);
                    }

                    AnalyzeText(split, nesting + 1);
                    return;
                }

                if (!w.StartsWith('-'))
                {
                    break;
                }
            }
        }
    }

    /// <summary>awk's <c>system("…")</c>, <c>print … | "cmd"</c> and <c>"cmd" | getline</c>: the quoted commands are command lines.</summary>
    private void AwkRuns(List<string> words, int k, int nesting)
    {
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w is "-f" or "-v" or "-F" && i + 1 < words.Count)
            {
                i++;
                continue;
            }

            if (w.StartsWith('-'))
            {
                continue;
            }

            if (w.Contains("system(", StringComparison.Ordinal) || w.Contains('|'))
            {
                foreach (var literal in InterpreterLiterals.Extract(w))
                {
                    if (CodeLoadingSettings.RunsSomethingElse(literal))
                    {
                        Report(ShellFindings.CodeLoading);
                    }

                    AnalyzeText(literal, nesting + 1);
                }
            }

            return;
        }
    }
}
