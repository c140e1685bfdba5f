namespace McpVanguard.Inspection.Shell;

/// <summary>
/// The files a command writes through its output options, in every spelling the program accepts: <c>curl -o F</c>,
/// <c>-oF</c>, <c>-sSLo F</c>, <c>--output=F</c>; <c>wget -O F</c>, <c>-qO F</c>, <c>-OF</c>, <c>--output-document=F</c>; aria2c,
/// git's log family, find's <c>-fprint</c>, sort and PowerShell's <c>-OutFile</c>. One home for both the write checks and
/// download tracking (a file fetched then run).
/// </summary>
internal static class ShellOutputOptions
{
    /// <summary>curl's short options that take a value: in a cluster the rest of the word (or the next word) is that value.</summary>
    private const string CurlValueOptions = "AbcCdDeEFhHKmoOPQrtTuUwxXyYz";

    /// <summary>wget's short options that take a value.</summary>
    private const string WgetValueOptions = "aAbBDeiIlOopPQRtTUwXY";

    /// <summary>The files named by the output options of <paramref name="name"/> (the command at <paramref name="k"/>); "-" (standard output) is left out.</summary>
    public static List<string> Targets(List<string> words, int k, string name)
    {
        var targets = new List<string>();
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            var target = name switch
            {
                "curl" => Long(w, words, i, "--output") ?? Short(w, words, i, 'o', CurlValueOptions),
                "wget" => Long(w, words, i, "--output-document") ?? Long(w, words, i, "--output-file") ?? Long(w, words, i, "--append-output")
                    ?? Short(w, words, i, 'O', WgetValueOptions) ?? Short(w, words, i, 'o', WgetValueOptions) ?? Short(w, words, i, 'a', WgetValueOptions),
                "aria2c" => Long(w, words, i, "--out") ?? (w == "-o" ? Next(words, i) : null),
                "git" => Long(w, words, i, "--output") ?? (w == "-o" && words.Exists(static a => a is "archive" or "format-patch" or "log" or "diff" or "show") ? Next(words, i) : null),
                "find" => w is "-fprint" or "-fprint0" or "-fls" or "-fprintf" ? Next(words, i) : null,
                "sort" => Long(w, words, i, "--output") ?? Short(w, words, i, 'o', "ostTSk"),
                "invoke-webrequest" or "iwr" or "invoke-restmethod" or "irm" or "start-bitstransfer" =>
                    w.Equals("-outfile", StringComparison.OrdinalIgnoreCase) || w.Equals("-destination", StringComparison.OrdinalIgnoreCase) ? Next(words, i) : null,
                "certutil" => w.Equals("-urlcache", StringComparison.OrdinalIgnoreCase) && words.Count > k + 1 ? LastOperand(words) : null,
                _ => null,
            };

            if (target is { Length: > 0 } and not "-")
            {
                targets.Add(target);
            }
        }

        return targets;
    }

    /// <summary><c>--output F</c> or <c>--output=F</c>.</summary>
    private static string? Long(string w, List<string> words, int i, string option)
    {
        if (w == option)
        {
            return Next(words, i);
        }

        return w.Length > option.Length + 1 && w.StartsWith(option, StringComparison.Ordinal) && w[option.Length] == '=' ? w[(option.Length + 1)..] : null;
    }

    /// <summary>
    /// A short option <paramref name="letter"/> alone or in a cluster (<c>-o F</c>, <c>-oF</c>, <c>-sSLo F</c>, <c>-qO-</c>); a value-taking
    /// option earlier in the cluster swallows the rest of the word, as the program's own parser does.
    /// </summary>
    private static string? Short(string w, List<string> words, int i, char letter, string valueOptions)
    {
        if (w.Length < 2 || w[0] != '-' || w[1] == '-')
        {
            return null;
        }

        for (var j = 1; j < w.Length; j++)
        {
            if (w[j] == letter)
            {
                return j + 1 < w.Length ? w[(j + 1)..] : Next(words, i);
            }

            if (valueOptions.Contains(w[j]) || !char.IsAsciiLetterOrDigit(w[j]))
            {
                return null;
            }
        }

        return null;
    }

    private static string? LastOperand(List<string> words) => words[^1].StartsWith('-') ? null : words[^1];

    private static string? Next(List<string> words, int i) => i + 1 < words.Count ? words[i + 1] : null;
}
