namespace McpVanguard.Inspection.Shell;

/// <summary>
/// <c>sed -i</c> whose script only substitutes (<c>sed -i 's/^PORT=.*/PORT=4000/' .env</c>): the file is edited where it lies and
/// nothing it holds is printed, so the edit reads nothing out. A script with any other command, or a substitution flag that prints,
/// writes or runs (<c>p</c>, <c>w</c>, <c>e</c>, <c>M</c> aside), is judged as any sed.
/// </summary>
internal static class SedInPlace
{
    /// <summary>True when <paramref name="words"/> (sed at <paramref name="k"/>) edits in place with substitutions only.</summary>
    public static bool OnlySubstitutes(List<string> words, int k)
    {
        var inPlace = false;
        var scripts = 0;
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.StartsWith("-i", StringComparison.Ordinal) || w.StartsWith("--in-place", StringComparison.Ordinal))
            {
                inPlace = true;
            }
            else if (w is "-e" or "--expression" && i + 1 < words.Count)
            {
                scripts++;
                if (!Substitutions(words[++i]))
                {
                    return false;
                }
            }
            else if (w is "-f" or "--file" || w.StartsWith("-f", StringComparison.Ordinal) && w.Length > 2)
            {
                return false; // the script is in a file this reading cannot see
            }
            else if (w is "-E" or "-r" or "-s" or "-u" or "-z" or "--regexp-extended" or "--separate" or "--null-data" or "--posix")
            {
                continue;
            }
            else if (w.StartsWith('-'))
            {
                return false;
            }
            else if (scripts == 0)
            {
                scripts++;
                if (!Substitutions(w))
                {
                    return false;
                }
            }
        }

        return inPlace && scripts > 0;
    }

    /// <summary>True when every command of <paramref name="script"/> is <c>s</c> with a flag set that prints nothing and runs nothing.</summary>
    private static bool Substitutions(string script)
    {
        var i = 0;
        var count = 0;
        while (i < script.Length)
        {
            while (i < script.Length && (script[i] is ';' or '\n' or ' ' or '\t'))
            {
                i++;
            }

            if (i >= script.Length)
            {
                break;
            }

            if (script[i] != 's' || i + 1 >= script.Length || char.IsAsciiLetterOrDigit(script[i + 1]) || script[i + 1] is '\\' or '\n' or ' ')
            {
                return false;
            }

            var delimiter = script[i + 1];
            i += 2;
            for (var part = 0; part < 2; part++)
            {
                while (i < script.Length && script[i] != delimiter)
                {
                    i += script[i] == '\\' ? 2 : 1;
                }

                if (i >= script.Length)
                {
                    return false;
                }

                i++;
            }

            while (i < script.Length && script[i] is not (';' or '\n' or ' ' or '\t'))
            {
                if (!(char.IsAsciiDigit(script[i]) || script[i] is 'g' or 'I' or 'i' or 'M' or 'm'))
                {
                    return false; // p prints, w writes a file, e runs the pattern space
                }

                i++;
            }

            count++;
        }

        return count > 0;
    }
}
