namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Where an interpreter's inline program sits on its command line, and what follows it: <c>perl -ne 'print' /etc/gshadow</c>,
/// <c>ruby -pe '…' FILE</c>, <c>python3 -c '…' ARG</c>, <c>node -e '…' ARG</c>. The operands after an inline program are the files
/// perl's and ruby's <c>-n</c>/<c>-p</c> loops read, or the <c>argv</c> the code opens, so each is a path the command reads.
/// </summary>
internal static class InlinePrograms
{
    /// <summary>The index of the inline program in <paramref name="words"/> (the interpreter at <paramref name="k"/>), or -1 when the program is a file or stdin.</summary>
    public static int CodeIndex(List<string> words, int k, string name)
    {
        var perlish = name.StartsWith("perl", StringComparison.Ordinal) || name.StartsWith("ruby", StringComparison.Ordinal);
        var python = name.StartsWith("python", StringComparison.Ordinal);
        var node = name is "node" or "nodejs" or "deno" or "bun";
        for (var i = k + 1; i < words.Count - 1; i++)
        {
            var w = words[i];
            if (w is "-c" or "-e" or "-E" or "-r" or "--eval" or "--print" || w == "-p" && node)
            {
                return i + 1;
            }

            if (!w.StartsWith('-') || w.StartsWith("--", StringComparison.Ordinal))
            {
                return -1; // a script file, or a long option this reading does not know the value of
            }

            // perl -lne, ruby -ne, perl -wle, python3 -Ic: a cluster of single-letter flags whose last one takes the program.
            if (w.Length > 2 && IsLetters(w.AsSpan(1)) && (perlish && w[^1] is 'e' or 'E' || python && w[^1] == 'c'))
            {
                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>True when a perl or ruby cluster edits its files in place (<c>-pi</c>, <c>-i.bak</c>): nothing they hold is printed.</summary>
    public static bool EditsInPlace(List<string> words, int k, int code)
    {
        for (var i = k + 1; i < code; i++)
        {
            var w = words[i];
            if (w.Length > 1 && w[0] == '-' && w[1] != '-' && w.AsSpan(1).IndexOf('i') is var at and >= 0 && IsLetters(w.AsSpan(1, at)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
