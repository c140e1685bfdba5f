using System.Collections.Frozen;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// How a search program (<c>grep</c>, <c>rg</c>, <c>git grep</c>, <c>Select-String</c>…) reads its words: which is the pattern (text to
/// find, data), which name files it reads (operands after the pattern, <c>-f FILE</c>) and which are option values (counts, globs).
/// One reading for both the data-position mask and the read-target walk, so <c>grep -rn '/etc/shadow' src/</c> reads <c>src/</c> in both.
/// </summary>
internal static class ShellSearchArguments
{
    /// <summary>Programs whose first operand (or <c>-e</c> value) is a search pattern.</summary>
    public static readonly FrozenSet<string> Searchers = FrozenSet.Create(StringComparer.Ordinal,
        "grep", "egrep", "fgrep", "rg", "ag", "ack", "zgrep", "git-grep", "select-string", "sls", "findstr");

    /// <summary>Long options whose value is a pattern.</summary>
    private static readonly FrozenSet<string> PatternOptions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "--regexp", "-pattern");

    /// <summary>Long options whose value is a file of patterns: a file read.</summary>
    private static readonly FrozenSet<string> FileOptions = FrozenSet.Create(StringComparer.Ordinal, "--file");

    /// <summary>Long options whose value is neither pattern nor file: a count, a glob, a type, a colour.</summary>
    private static readonly FrozenSet<string> ValueOptions = FrozenSet.Create(StringComparer.Ordinal,
        "--max-count", "--glob", "--iglob", "--type", "--type-not", "--include", "--exclude", "--exclude-dir", "--context", "--after-context",
        "--before-context", "--color", "--colour", "--label", "--replace", "--encoding", "--max-depth", "--sort", "--sortr", "--threads");

    /// <summary>Short options that take a value (attached or as the next word), per family; rg's <c>-E</c> is an encoding, grep's is a flag.</summary>
    private const string GrepValueLetters = "ABCDdefm";

    private const string RipgrepValueLetters = "ABCEefgjMmrTt";

    /// <summary>True when the command at <paramref name="k"/> is a search (<c>git grep</c> included).</summary>
    public static bool IsSearch(List<string> words, int k, string name)
        => Searchers.Contains(name) || name == "git" && FirstOperand(words, k + 1) is { } g && words[g] == "grep";

    /// <summary>The words of a search command by role; <see cref="SearchWord.Offset"/> is where the value starts inside an attached word.</summary>
    public static List<SearchWord> Classify(List<string> words, int k, string name)
    {
        var roles = new List<SearchWord>();
        var start = k + 1;
        if (name == "git" && FirstOperand(words, start) is { } g)
        {
            start = g + 1;
        }

        var valueLetters = name == "rg" ? RipgrepValueLetters : GrepValueLetters;

        // An explicit pattern anywhere (GNU grep permutes: grep -rn src/ -e x) makes every operand a file.
        var patternSeen = words.Exists(static w => w is "-e" or "--regexp" or "-f" or "--file" || w.StartsWith("--regexp=", StringComparison.Ordinal)
            || w.StartsWith("--file=", StringComparison.Ordinal) || w.Equals("-pattern", StringComparison.OrdinalIgnoreCase));
        var operandsOnly = false;
        for (var i = start; i < words.Count; i++)
        {
            var w = words[i];
            if (operandsOnly || w.Length < 2 || w[0] != '-' && !(name == "findstr" && w[0] == '/'))
            {
                roles.Add(new SearchWord(i, 0, patternSeen ? SearchRole.File : SearchRole.Pattern));
                patternSeen = true;
                continue;
            }

            if (w == "--")
            {
                operandsOnly = true;
                continue;
            }

            if (w.StartsWith("--", StringComparison.Ordinal) || name is "select-string" or "sls")
            {
                var eq = w.IndexOf('=');
                var option = eq > 0 ? w[..eq] : w;
                var role = PatternOptions.Contains(option) ? SearchRole.Pattern
                    : FileOptions.Contains(option) || name is "select-string" or "sls" && option.Equals("-path", StringComparison.OrdinalIgnoreCase) ? SearchRole.File
                    : ValueOptions.Contains(option) ? SearchRole.OptionValue : (SearchRole?)null;
                if (role is { } r)
                {
                    i = AddValue(roles, words, i, eq > 0 ? eq + 1 : -1, r);
                    patternSeen |= r == SearchRole.Pattern || option == "--file";
                }

                continue;
            }

            // A cluster of short options (-rn, -rne PATTERN, -ePATTERN, -A3, -f FILE): the first value-taking letter takes the rest.
            for (var j = 1; j < w.Length; j++)
            {
                if (!valueLetters.Contains(w[j]))
                {
                    continue;
                }

                var r = w[j] switch
                {
                    'e' => SearchRole.Pattern,
                    'f' => SearchRole.File,
                    _ => SearchRole.OptionValue,
                };
                i = AddValue(roles, words, i, j + 1 < w.Length ? j + 1 : -1, r);
                patternSeen |= w[j] is 'e' or 'f';
                break;
            }
        }

        return roles;
    }

    /// <summary>Adds the option value attached at <paramref name="offset"/> of word <paramref name="i"/>, or the next word; returns the last index used.</summary>
    private static int AddValue(List<SearchWord> roles, List<string> words, int i, int offset, SearchRole role)
    {
        if (offset >= 0)
        {
            roles.Add(new SearchWord(i, offset, role));
            return i;
        }

        if (i + 1 < words.Count)
        {
            roles.Add(new SearchWord(i + 1, 0, role));
            return i + 1;
        }

        return i;
    }

    private static int? FirstOperand(List<string> words, int from)
    {
        for (var i = from; i < words.Count; i++)
        {
            if (!words[i].StartsWith('-'))
            {
                return i;
            }
        }

        return null;
    }
}

/// <summary>What a word of a search command is.</summary>
internal enum SearchRole
{
    /// <summary>Text to find: data, never a path read or a command.</summary>
    Pattern,

    /// <summary>A file or directory the search reads.</summary>
    File,

    /// <summary>The value of an option that is neither (a count, a glob, a type).</summary>
    OptionValue,
}

/// <summary>One classified word: its index, where its value starts inside the word (an attached option value), and its role.</summary>
internal readonly record struct SearchWord(int Index, int Offset, SearchRole Role);
