using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// The data positions of a command line as a URL check sees them: <see cref="ShellDataPositions.Mask"/>, plus the text an in-place
/// <c>sed</c> edit searches for (<c>sed -i 's#http://169.254.169.254#http://mock#g' test/fixtures/urls.txt</c>): sed never fetches what it
/// finds. <see cref="ShellDataPositions"/> keeps in-place scripts as code, because the replacement lands in a file that may run later
/// (<c>sed -i 's/^exit 0/curl … | sh/' /etc/rc.local</c>): the replacement stays judged here too. A script that runs a command (<c>e</c>)
/// or writes a file (<c>w</c>) is not data and stays whole.
/// </summary>
public static class UrlDataPositions
{
    /// <summary><paramref name="text"/> with its data positions blanked (same length); parsed again only when it mentions sed.</summary>
    public static string Mask(string text)
    {
        var masked = ShellDataPositions.Mask(text);
        if (text.Length > ShellTokenizer.MaxLength || !MayEditInPlace(text))
        {
            return masked;
        }

        char[]? chars = null;
        foreach (var pipeline in ShellTokenizer.Parse(text).Pipelines)
        {
            foreach (var command in pipeline.Commands)
            {
                var words = command.Words;
                var k = FindCommand(words, out _);
                if (command.WordSpans.Count != words.Count || k >= words.Count || NameOf(words[k]) is not ("sed" or "gsed"))
                {
                    continue;
                }

                for (var i = k + 1; i < words.Count; i++)
                {
                    if (words[i] is "-e" or "--expression" && i + 1 < words.Count)
                    {
                        i++;
                    }
                    else if (words[i].StartsWith('-'))
                    {
                        continue;
                    }

                    var (start, end) = command.WordSpans[i];
                    end = Math.Min(end, text.Length);
                    if (start < end && !EditsFileThatRuns(words, i + 1) && ShellDataPositions.SedScriptIsData(words[i]) && FindPart(text.AsSpan(start, end - start)) is var (from, length) && length > 0)
                    {
                        chars ??= masked.ToCharArray();
                        chars.AsSpan(start + from, length).Fill(' ');
                    }

                    break;
                }
            }
        }

        return chars is null ? masked : new string(chars);
    }

    /// <summary>
    /// True when a file the edit rewrites is one that runs later (a start-up file, a cron table, a service, a hook, a system directory):
    /// then nothing of the script is data, the found text included (<c>sed -i 's/^exit 0/curl … | sh\nexit 0/' /etc/rc.local</c>).
    /// </summary>
    private static bool EditsFileThatRuns(List<string> words, int from)
    {
        for (var i = from; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Length is 0 or > 1024 || w.StartsWith('-'))
            {
                continue;
            }

            var canonical = w.Replace('\\', '/').ToLowerInvariant();
            if (Paths.SensitivePathCatalog.Match(Paths.NormalizedPath.Parse(canonical)) is { RuleId: "PATH-022" or "PATH-023" or "PATH-028" or "PATH-029" or "PATH-030" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The cheap gate: a <c>sed</c> word and an in-place option somewhere in the line (words like "used" or "based" alone do not parse it).</summary>
    private static bool MayEditInPlace(string text)
    {
        if (!text.Contains(" -i", StringComparison.Ordinal) && !text.Contains("--in-place", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = text.IndexOf("sed", StringComparison.Ordinal); i >= 0; i = text.IndexOf("sed", i + 3, StringComparison.Ordinal))
        {
            if ((i == 0 || text[i - 1] is ' ' or '/' or ';' or '|' or '&' or '(' or 'g' or '\n') && i + 3 < text.Length && text[i + 3] == ' ')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the text to find of an <c>s</c> command sits in the script as written: single-quoted or plain, no address before it
    /// (<c>'s#find#replace#g'</c>); (0, 0) otherwise. Only the found text is blanked: the replacement is what lands in the file
    /// (<c>sed -i 's/^exit 0/curl … | sh/' /etc/rc.local</c>), and a URL there is judged.
    /// </summary>
    private static (int From, int Length) FindPart(ReadOnlySpan<char> raw)
    {
        var offset = raw.Length > 0 && raw[0] == '\'' ? 1 : 0;
        var script = raw[offset..];
        if (script.Length < 4 || script[0] != 's' || char.IsAsciiLetterOrDigit(script[1]) || script[1] is ' ' or '\\' or '\'' or '"'
            || script.Contains("$(", StringComparison.Ordinal) || script.Contains('`'))
        {
            return (0, 0);
        }

        var delimiter = script[1];
        for (var j = 2; j < script.Length; j++)
        {
            if (script[j] == '\\')
            {
                j++;
            }
            else if (script[j] == delimiter)
            {
                return (offset + 2, j - 2);
            }
        }

        return (0, 0);
    }
}
