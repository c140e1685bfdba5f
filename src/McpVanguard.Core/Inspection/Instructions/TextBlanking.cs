namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// Copies of a text with some spans replaced by spaces, positions kept: the spans are found in a reference copy (the canonical
/// text) and blanked in another copy of the same length (the canonical or the case-kept decoded text), so that the analyser can
/// re-read what the text says outside addresses or outside quotations. Linear scans, no regex.
/// </summary>
internal static class TextBlanking
{
    private static readonly System.Buffers.SearchValues<char> Openers = System.Buffers.SearchValues.Create("\"“«„「『‘");

    /// <summary>True when <paramref name="reference"/> may hold a quotation: a quote mark, a markdown block quote or a code fence.</summary>
    public static bool HasQuotation(string reference)
        => reference.AsSpan().IndexOfAny(Openers) >= 0 || reference.StartsWith('>') || reference.Contains("\n>", StringComparison.Ordinal)
            || reference.Contains("```", StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="text"/> with every e-mail address of <paramref name="reference"/> blanked. URLs are kept: an advisory's
    /// example host (<c>attacker.example</c>) is part of how it talks about an attack.
    /// </summary>
    public static string Addresses(string reference, string text)
    {
        var blank = new bool[reference.Length];
        var any = false;
        for (var i = reference.IndexOf('@'); i >= 0; i = i + 1 < reference.Length ? reference.IndexOf('@', i + 1) : -1)
        {
            var start = i;
            while (start > 0 && IsAddressChar(reference[start - 1]))
            {
                start--;
            }

            var end = i + 1;
            while (end < reference.Length && IsAddressChar(reference[end]))
            {
                end++;
            }

            any |= Mark(blank, start, end);
        }

        return any ? Apply(text, blank) : text;
    }

    /// <summary>
    /// <paramref name="text"/> with the inside of every quotation of <paramref name="reference"/> blanked: paired quote marks (at most
    /// <paramref name="maxLength"/> characters apart), markdown block-quote lines and fenced code blocks.
    /// </summary>
    public static string Quotations(string reference, string text, int maxLength)
    {
        var blank = new bool[reference.Length];
        var any = false;
        var i = 0;
        while (i < reference.Length)
        {
            var c = reference[i];
            if (c == '`' && string.CompareOrdinal(reference, i, "```", 0, 3) == 0)
            {
                var close = reference.IndexOf("```", i + 3, StringComparison.Ordinal);
                var end = close < 0 ? reference.Length : close;
                any |= Mark(blank, i + 3, end);
                i = close < 0 ? reference.Length : close + 3;
                continue;
            }

            if (c == '>' && LineStart(reference, i))
            {
                var end = reference.IndexOf('\n', i);
                end = end < 0 ? reference.Length : end;
                any |= Mark(blank, i + 1, end);
                i = end;
                continue;
            }

            var closer = Closer(c);
            if (closer != '\0')
            {
                var limit = Math.Min(reference.Length, i + 1 + maxLength);
                var close = reference.AsSpan(i + 1, limit - i - 1).IndexOfAny(closer, c == '„' ? '”' : closer);
                if (close > 0)
                {
                    any |= Mark(blank, i + 1, i + 1 + close);
                    i += close + 2;
                    continue;
                }
            }

            i++;
        }

        return any ? Apply(text, blank) : text;
    }

    private static char Closer(char c) => c switch
    {
        '"' => '"',
        '“' => '”',
        '«' => '»',
        '„' => '“',
        '「' => '」',
        '『' => '』',
        '‘' => '’',
        _ => '\0',
    };

    private static bool LineStart(string s, int i)
    {
        var j = i - 1;
        while (j >= 0 && s[j] is ' ' or '\t')
        {
            j--;
        }

        return j < 0 || s[j] == '\n';
    }

    private static bool IsAddressChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '+';

    private static bool Mark(bool[] blank, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            blank[k] = true;
        }

        return end > start;
    }

    private static string Apply(string text, bool[] blank) => string.Create(text.Length, (text, blank), static (span, state) =>
    {
        for (var k = 0; k < span.Length; k++)
        {
            span[k] = state.blank[k] && !char.IsWhiteSpace(state.text[k]) ? ' ' : state.text[k];
        }
    });
}
