namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// Finds ANSI/VT terminal escape sequences (CSI, OSC, single-character escapes and their 8-bit C1 forms) in text, so they
/// can be stripped: they recolour, hide or rewrite what a person sees in a terminal while the model reads the raw text.
/// </summary>
public static class TerminalEscapes
{
    /// <summary>Longest escape sequence considered; a lone ESC with a runaway tail is cut off here (linear scan).</summary>
    private const int MaxSequence = 512;

    /// <summary>True when <paramref name="text"/> holds ESC or a C1 introducer at all (cheap pre-check).</summary>
    public static bool Any(string text) => text.AsSpan().IndexOfAny('\u001b', '\u009b', '\u009d') >= 0;

    /// <summary>The (start, length) of each escape sequence in <paramref name="text"/>, in order.</summary>
    public static List<(int Start, int Length)> Find(string text)
    {
        var spans = new List<(int, int)>();
        var i = text.AsSpan().IndexOfAny('\u001b', '\u009b', '\u009d');
        while (i >= 0 && i < text.Length)
        {
            var end = SequenceEnd(text, i);
            spans.Add((i, end - i));
            var next = text.AsSpan(end).IndexOfAny('\u001b', '\u009b', '\u009d');
            i = next < 0 ? -1 : end + next;
        }

        return spans;
    }

    private static int SequenceEnd(string s, int start)
    {
        var limit = Math.Min(s.Length, start + MaxSequence);
        var c = s[start];
        int i;
        if (c == '\u009b' || (c == '\u001b' && start + 1 < s.Length && s[start + 1] == '['))
        {
            // CSI: parameter and intermediate bytes, then one final byte in @–~.
            i = start + (c == '\u009b' ? 1 : 2);
            while (i < limit && s[i] is >= '\u0020' and <= '\u003f')
            {
                i++;
            }

            return i < limit && s[i] is >= '\u0040' and <= '\u007e' ? i + 1 : i;
        }

        if (c == '\u009d' || (c == '\u001b' && start + 1 < s.Length && s[start + 1] is ']' or 'P' or '_' or '^' or 'X'))
        {
            // OSC/DCS/APC/PM/SOS (window titles, hyperlinks, clipboard writes): up to BEL or ST.
            i = start + (c == '\u009d' ? 1 : 2);
            while (i < limit)
            {
                if (s[i] == '\u0007' || s[i] == '\u009c')
                {
                    return i + 1;
                }

                if (s[i] == '\u001b' && i + 1 < s.Length && s[i + 1] == '\\')
                {
                    return i + 2;
                }

                i++;
            }

            return limit;
        }

        // ESC followed by intermediates and one final character (ESC c resets the terminal, ESC 7/8 save/restore).
        i = start + 1;
        while (i < limit && s[i] is >= '\u0020' and <= '\u002f')
        {
            i++;
        }

        return i < limit ? i + 1 : i;
    }
}
