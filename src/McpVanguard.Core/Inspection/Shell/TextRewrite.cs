using System.Text;
using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// What <c>tr</c> and a plain <c>sed s///</c> make of a literal piped to them: <c>tr 'A-Za-z' 'N-ZA-Mn-za-m'</c> (rot13), <c>tr '@' '/'</c>,
/// <c>tr -d '#'</c>, <c>sed 's/X//g'</c>, <c>sed -e 's|_|/|g'</c>. Only fixed text: a bracket class, a complement or a regular expression
/// pattern leaves the literal unknown (null), so a path is never guessed. Linear in the literal.
/// </summary>
internal static class TextRewrite
{
    /// <summary>Longest set a <c>tr</c> range expands to; a range past it is not text a path is spelled with.</summary>
    private const int MaxSet = 256;

    /// <summary>The rewritten literal, or null when the command (its name at <paramref name="d"/>) is not a rewrite this reading knows.</summary>
    public static string? Apply(string literal, List<string> words, int d) => NameOf(words[d]) switch
    {
        "tr" => Tr(literal, words, d),
        "sed" => Sed(literal, words, d),
        _ => null,
    };

    private static string? Tr(string literal, List<string> words, int d)
    {
        var delete = false;
        var sets = new List<string>(2);
        for (var i = d + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w is "-d" or "--delete")
            {
                delete = true;
            }
            else if (w.Length > 1 && w[0] == '-')
            {
                return null; // -c, -s, -t change what the sets mean
            }
            else if (Expand(w) is { } set)
            {
                sets.Add(set);
            }
            else
            {
                return null;
            }
        }

        if (delete)
        {
            return sets.Count == 1 ? string.Concat(literal.Where(c => !sets[0].Contains(c))) : null;
        }

        if (sets.Count != 2 || sets[0].Length == 0 || sets[1].Length == 0)
        {
            return null;
        }

        var sb = new StringBuilder(literal.Length);
        foreach (var c in literal)
        {
            var at = sets[0].LastIndexOf(c);

            // A shorter second set is padded with its last character, as GNU tr does.
            sb.Append(at < 0 ? c : sets[1][Math.Min(at, sets[1].Length - 1)]);
        }

        return sb.ToString();
    }

    /// <summary>A <c>tr</c> set with its ranges and the escapes <c>\\</c>, <c>\n</c>, <c>\/</c> spelled out; null for a class or an overlong range.</summary>
    private static string? Expand(string set)
    {
        if (set.Contains("[:", StringComparison.Ordinal) || set.Contains("[=", StringComparison.Ordinal))
        {
            return null;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < set.Length; i++)
        {
            var c = set[i];
            if (c == '\\' && i + 1 < set.Length)
            {
                c = set[++i] switch { 'n' => '\n', 't' => '\t', var x => x };
            }

            if (i + 2 < set.Length && set[i + 1] == '-' && set[i + 2] >= c)
            {
                for (var x = c; x <= set[i + 2] && sb.Length < MaxSet; x++)
                {
                    sb.Append(x);
                }

                i += 2;
                continue;
            }

            sb.Append(c);
            if (sb.Length > MaxSet)
            {
                return null;
            }
        }

        return sb.ToString();
    }

    /// <summary><c>sed 's/a/b/'</c>, <c>sed -e 's|a|b|g' -e …</c>: each substitution of fixed text in turn; null for anything else.</summary>
    private static string? Sed(string literal, List<string> words, int d)
    {
        var applied = 0;
        for (var i = d + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w is "-e" or "--expression")
            {
                continue;
            }

            if (w.StartsWith('-') || !TrySubstitute(literal, w, out literal))
            {
                return null;
            }

            applied++;
        }

        return applied > 0 ? literal : null;
    }

    private static bool TrySubstitute(string text, string script, out string result)
    {
        result = text;
        foreach (var command in script.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (command.Length < 4 || command[0] != 's' || char.IsAsciiLetterOrDigit(command[1]) || command[1] is '\\' or '\n')
            {
                return false;
            }

            var parts = command[2..].Split(command[1]);
            if (parts.Length != 3 || parts[0].Length == 0 || parts[0].AsSpan().IndexOfAny(RegexCharacters) >= 0 || parts[1].Contains('&') || parts[1].Contains('\\')
                || parts[2].AsSpan().Trim("gI0123456789").Length > 0)
            {
                return false; // a pattern with regex syntax, a back-reference or a flag that writes or runs: not fixed text
            }

            var global = parts[2].Contains('g');
            var at = result.IndexOf(parts[0], StringComparison.Ordinal);
            result = at < 0 ? result : global ? result.Replace(parts[0], parts[1], StringComparison.Ordinal) : result[..at] + parts[1] + result[(at + parts[0].Length)..];
        }

        return true;
    }

    private static readonly System.Buffers.SearchValues<char> RegexCharacters = System.Buffers.SearchValues.Create(@".*[]^$\+?(){}|");
}
