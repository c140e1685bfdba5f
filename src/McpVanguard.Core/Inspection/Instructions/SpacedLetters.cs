using System.Text;

namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// Text spelled one letter at a time: "I g n o r e  a l l  p r e v i o u s", "i.g.n.o.r.e a.l.l", "i-g-n-o-r-e" are read as words by
/// a model and as single letters by a pattern. A run of at least <see cref="MinLetters"/> lone letters, each followed by one and the
/// same separator (a space, '.', '-', '_' or '*') within a word and by spaces (or a doubled separator) between words, is joined back
/// into its words; the rest of the text is kept as it is.
/// </summary>
internal static class SpacedLetters
{
    /// <summary>Fewest lone letters in a row: shorter runs are initials ("U.S.A."), variable lists and list markers ("a b c").</summary>
    private const int MinLetters = 8;

    /// <summary>Most characters read.</summary>
    private const int MaxChars = 16 * 1024;

    /// <summary>The text with every spelled-out run joined when it holds one; otherwise null.</summary>
    public static string? Join(string text)
    {
        var take = text.Length > MaxChars ? text[..MaxChars] : text;
        StringBuilder? result = null;
        var copied = 0;
        var i = 0;
        while (i < take.Length)
        {
            if (!LoneLetter(take, i) || i + 1 >= take.Length || !IsSeparator(take[i + 1]))
            {
                i++;
                continue;
            }

            var separator = take[i + 1];
            var (count, j) = Walk(take, i, separator, null);
            if (count >= MinLetters)
            {
                result ??= new StringBuilder(take.Length);
                result.Append(take, copied, i - copied);
                Walk(take, i, separator, result);
                copied = j + 1;
            }

            // A short run may end where a longer one with another separator starts ("x i.g.n.o.r.e": "x i" is a run of spaces).
            i = count >= MinLetters ? j + 1 : i + 1;
        }

        return result?.Append(take, copied, take.Length - copied).ToString();
    }

    private static bool IsSeparator(char c) => c is ' ' or '.' or '-' or '_' or '*';

    /// <summary>
    /// Walks the run of lone letters from <paramref name="i"/>: a lone letter, then one <paramref name="separator"/> (same word) or
    /// two to four characters of spaces and separators (next word), then a lone letter. Returns how many letters and where the last
    /// one is; appends the joined words to <paramref name="into"/>.
    /// </summary>
    private static (int Count, int Last) Walk(string text, int i, char separator, StringBuilder? into)
    {
        var j = i;
        var count = 0;
        while (true)
        {
            into?.Append(text[j]);
            count++;
            var k = j + 1;
            while (k < text.Length && (text[k] == ' ' || text[k] == separator) && k - j <= 4)
            {
                k++;
            }

            var gap = k - j - 1;
            if (gap is < 1 or > 4 || k >= text.Length || !LoneLetter(text, k))
            {
                return (count, j);
            }

            // One separator joins letters of a word; anything longer, or a lone space after '.', '-', '_' or '*', starts the next word.
            if (gap > 1 || text[j + 1] != separator)
            {
                into?.Append(' ');
            }

            j = k;
        }
    }

    /// <summary>A letter with no letter or digit on either side.</summary>
    private static bool LoneLetter(string text, int at)
        => char.IsLetter(text[at]) && (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (at + 1 >= text.Length || !char.IsLetterOrDigit(text[at + 1]));
}
