using System.Globalization;
using System.Text;

namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// The one folding the multilingual lexicon and the text it is matched against share: lower case, diacritics removed
/// from Latin, Greek and Cyrillic letters (é→e, ü→u, ё→е, й→и), typographic apostrophes, hyphens, underscores and
/// whitespace made plain. It maps one character to one character, so positions in the folded text are positions in the
/// original; Han, kana and Hangul are never changed.
/// </summary>
internal static class LexiconFolding
{
    /// <summary>Per UTF-16 unit, its folded form (built once: 128 KB, so folding is one table look-up per character).</summary>
    private static readonly char[] Table = BuildTable();

    /// <summary>The folded copy of <paramref name="text"/>; the same instance when folding changes nothing.</summary>
    public static string Fold(string text)
    {
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length && Table[span[i]] == span[i])
        {
            i++;
        }

        if (i == span.Length)
        {
            return text;
        }

        return string.Create(text.Length, (text, i), static (target, state) =>
        {
            var (source, from) = state;
            source.AsSpan(0, from).CopyTo(target);
            for (var k = from; k < source.Length; k++)
            {
                target[k] = Table[source[k]];
            }
        });
    }

    /// <summary>
    /// Writes the folded form of <paramref name="text"/> into <paramref name="target"/> (at least as long): the scan's copy,
    /// kept in a rented buffer so that a large text costs no second string of its size.
    /// </summary>
    public static void FoldInto(ReadOnlySpan<char> text, Span<char> target)
    {
        var table = Table;
        target = target[..text.Length];
        for (var k = 0; k < text.Length; k++)
        {
            target[k] = table[text[k]];
        }
    }

    /// <summary>The folded form of one character (what <see cref="FoldInto"/> writes for it).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static char Folded(char c) => Table[c];

    /// <summary>True for letters of scripts that separate words with spaces (Latin, Greek, Cyrillic, Armenian): word boundaries apply to them.</summary>
    public static bool IsSpacedScriptLetter(char c) => char.IsLetterOrDigit(c) && (c < 0x0590 || c is >= '\u1E00' and <= '\u1FFF');

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = FoldOne((char)c);
        }

        return table;
    }

    private static char FoldOne(char c)
    {
        if (char.IsSurrogate(c))
        {
            return c;
        }

        if (c is '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4')
        {
            return '\'';
        }

        if (c is '-' or '_' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u00AD' || char.IsWhiteSpace(c))
        {
            return ' ';
        }

        var lower = char.ToLowerInvariant(c);
        if (lower < 0x00C0 || !(lower < 0x0530 || lower is >= '\u1E00' and <= '\u1FFF'))
        {
            return lower;
        }

        // A precomposed Latin, Greek or Cyrillic letter becomes its base letter when the rest is combining marks only.
        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        if (decomposed.Length > 1 && char.IsLetter(decomposed[0]))
        {
            for (var k = 1; k < decomposed.Length; k++)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(decomposed[k]) != UnicodeCategory.NonSpacingMark)
                {
                    return lower;
                }
            }

            return decomposed[0];
        }

        return lower;
    }
}
