using McpVanguard.Inspection.Paths;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Expands a glob (<c>/etc/sha*ow</c>, <c>/e??/shadow</c>, <c>/etc/shad[o]w</c>) against the names the sensitive-path catalogue knows,
/// as the shell would against the disk: each glob segment becomes every catalogued name it matches. A path without a catalogued name
/// stays as written (<c>src/*.ts</c> names nothing sensitive), and a glob over a catalogued directory (<c>~/.ssh/*</c>) names that directory.
/// </summary>
internal static class ShellGlob
{
    /// <summary>Most expansions of one word: enough for any real glob, bounded whatever the word holds.</summary>
    private const int MaxExpansions = 64;

    /// <summary>Every literal segment of every catalogue pattern (<c>etc</c>, <c>shadow</c>, <c>.ssh</c>, <c>id_rsa</c> …).</summary>
    private static readonly string[] CatalogNames = BuildNames();

    public static bool HasGlob(string word) => word.AsSpan().IndexOfAny("*?[") >= 0;

    /// <summary>Adds the catalogued paths <paramref name="path"/> (folded, with glob characters) may expand to.</summary>
    public static void Expand(string path, List<ShellPathCandidate> output)
    {
        var segments = path.Split('/');
        var results = new List<string> { string.Empty };
        var ambiguous = false;
        for (var s = 0; s < segments.Length; s++)
        {
            var segment = segments[s];
            var next = new List<string>();
            var options = HasGlob(segment) ? Matches(segment) : [segment];
            foreach (var prefix in results)
            {
                foreach (var option in options)
                {
                    if (next.Count < MaxExpansions)
                    {
                        next.Add(s == 0 ? option : prefix + "/" + option);
                    }
                }
            }

            // A trailing glob over a catalogued directory ("~/.ssh/*", "~/.aws/*") reads what that directory holds ("~/.ssh/*.pub" only public keys).
            if (s == segments.Length - 1 && s > 0 && segment.AsSpan().IndexOfAnyExcept("*?.") < 0 && HasGlob(segment))
            {
                foreach (var prefix in results)
                {
                    if (next.Count < MaxExpansions)
                    {
                        next.Add(prefix);
                    }
                }
            }

            results = next;
        }

        // Names from two families sensitive to read ("~/.*_*": histories, credentials) are a guess at what is on disk, not a reading of the command;
        // several names of one family ("~/.aws/cred*", "backup/id_*") all say the same thing.
        string? family = null;
        foreach (var result in results)
        {
            if (result.Length <= 4096 && SensitivePathCatalog.Match(NormalizedPath.Parse(result)) is { Read: not null } location)
            {
                ambiguous |= family is not null && family != location.RuleId;
                family = location.RuleId;
            }
        }

        foreach (var result in results)
        {
            output.Add(new ShellPathCandidate(result, ambiguous));
        }
    }

    /// <summary>The catalogued names a glob segment matches, and the segment itself (catalogue patterns with <c>*</c> may match it as written).</summary>
    private static List<string> Matches(string glob)
    {
        var list = new List<string> { glob };
        // "*" alone, or "*.json", matches names in every family: it says nothing about which file is read.
        var extensionOnly = glob.StartsWith("*.", StringComparison.Ordinal) && glob.AsSpan(2).IndexOfAny("*?[") < 0;
        if (glob.AsSpan().IndexOfAnyExcept("*?") < 0 || extensionOnly)
        {
            return list;
        }

        foreach (var name in CatalogNames)
        {
            // As in the shell, a glob that does not start with a dot does not match a dot file.
            if (list.Count < 16 && (name[0] != '.' || glob[0] == '.') && IsMatch(glob, name))
            {
                list.Add(name);
            }
        }

        return list;
    }

    /// <summary>Shell glob match of one segment: <c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>, <c>[!x]</c>. Linear backtracking on the last <c>*</c> only.</summary>
    public static bool IsMatch(string glob, string name)
    {
        int g = 0, n = 0, starG = -1, starN = 0;
        while (n < name.Length)
        {
            if (g < glob.Length && glob[g] == '*')
            {
                starG = g++;
                starN = n;
                continue;
            }

            if (g < glob.Length && MatchOne(glob, ref g, name[n]))
            {
                n++;
                continue;
            }

            if (starG < 0)
            {
                return false;
            }

            g = starG + 1;
            n = ++starN;
        }

        while (g < glob.Length && glob[g] == '*')
        {
            g++;
        }

        return g == glob.Length;
    }

    /// <summary>Matches one character against the glob element at <paramref name="g"/> and advances past it on success.</summary>
    private static bool MatchOne(string glob, ref int g, char c)
    {
        var p = glob[g];
        if (p == '?')
        {
            g++;
            return true;
        }

        if (p != '[')
        {
            if (p == c)
            {
                g++;
                return true;
            }

            return false;
        }

        var close = BracketClose(glob, g);
        if (close < 0)
        {
            if (c == '[')
            {
                g++;
                return true;
            }

            return false;
        }

        var i = g + 1;
        var negate = glob[i] is '!' or '^';
        if (negate)
        {
            i++;
        }

        var hit = false;
        for (; i < close; i++)
        {
            if (glob[i] == '[' && i + 1 < close && glob[i + 1] == ':' && glob.IndexOf(":]", i + 2, StringComparison.Ordinal) is var end and > 0 && end < close)
            {
                // A POSIX class inside the bracket: [[:lower:]], [[:alpha:]_].
                hit |= InClass(glob.AsSpan(i + 2, end - i - 2), c);
                i = end + 1;
            }
            else if (i + 2 < close && glob[i + 1] == '-')
            {
                hit |= c >= glob[i] && c <= glob[i + 2];
                i += 2;
            }
            else
            {
                hit |= glob[i] == c;
            }
        }

        if (hit != negate)
        {
            g = close + 1;
            return true;
        }

        return false;
    }

    /// <summary>The <c>]</c> that closes the bracket at <paramref name="open"/>, past any <c>[:class:]</c> inside it; -1 when none.</summary>
    private static int BracketClose(string glob, int open)
    {
        var i = open + 1;
        if (i < glob.Length && glob[i] is '!' or '^')
        {
            i++;
        }

        if (i < glob.Length && glob[i] == ']')
        {
            i++; // a ']' first in the bracket is a member, not its end
        }

        while (i < glob.Length)
        {
            if (glob[i] == '[' && i + 1 < glob.Length && glob[i + 1] == ':' && glob.IndexOf(":]", i + 2, StringComparison.Ordinal) is var end and > 0)
            {
                i = end + 2;
                continue;
            }

            if (glob[i] == ']')
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    /// <summary>Membership of a POSIX character class (the names bash knows); an unknown class matches nothing.</summary>
    private static bool InClass(ReadOnlySpan<char> name, char c) => name switch
    {
        "lower" => char.IsLower(c),
        "upper" => char.IsUpper(c),
        "alpha" => char.IsLetter(c),
        "digit" => char.IsAsciiDigit(c),
        "alnum" => char.IsLetterOrDigit(c),
        "xdigit" => char.IsAsciiHexDigit(c),
        "punct" => char.IsPunctuation(c) || char.IsSymbol(c),
        "word" => char.IsLetterOrDigit(c) || c == '_',
        "graph" or "print" => !char.IsWhiteSpace(c) && !char.IsControl(c),
        "space" or "blank" => char.IsWhiteSpace(c),
        _ => false,
    };

    private static string[] BuildNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var location in SensitivePathCatalog.Locations)
        {
            foreach (var pattern in location.Patterns)
            {
                foreach (var segment in pattern.Split('/'))
                {
                    if (segment.Length > 0 && !HasGlob(segment) && segment != "?:")
                    {
                        names.Add(segment);
                    }
                }
            }
        }

        return [.. names];
    }
}
