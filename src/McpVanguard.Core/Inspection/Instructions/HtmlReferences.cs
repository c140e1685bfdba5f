using System.Text;

namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// HTML character references (<c>&amp;#73;</c>, <c>&amp;#x49;</c>) resolved to the characters they name, when they spell
/// letters: an order written as references is read by a model and not by a pattern. Markup that escapes its own
/// punctuation (<c>&amp;lt;</c>, <c>&amp;amp;</c>) names no letter and is left alone.
/// </summary>
internal static class HtmlReferences
{
    /// <summary>Most characters resolved: the rest of a longer text is not read.</summary>
    private const int MaxChars = 16 * 1024;

    /// <summary>The text with numeric references resolved when at least one names an ASCII letter; otherwise null.</summary>
    public static string? Resolve(string text)
    {
        var first = text.IndexOf("&#", StringComparison.Ordinal);
        if (first < 0 || !NamesALetter(text, first))
        {
            return null;
        }

        var take = text.Length > MaxChars ? text[..MaxChars] : text;
        var result = new StringBuilder(take.Length);
        result.Append(take, 0, Math.Min(first, take.Length));
        for (var k = first; k < take.Length; k++)
        {
            if (take[k] == '&' && Parse(take, k, out var code, out var length))
            {
                result.Append((char)code);
                k += length - 1;
            }
            else
            {
                result.Append(take[k]);
            }
        }

        return result.ToString();
    }

    private static bool NamesALetter(string text, int from)
    {
        for (var k = from; k >= 0 && k < text.Length; k = text.IndexOf("&#", k + 2, StringComparison.Ordinal))
        {
            if (Parse(text, k, out var code, out _) && code < 0x80 && char.IsAsciiLetter((char)code))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A numeric reference at <paramref name="at"/>: <c>&amp;#NNN;</c> or <c>&amp;#xHH;</c> (the semicolon optional, as browsers accept).</summary>
    private static bool Parse(string text, int at, out int code, out int length)
    {
        code = 0;
        length = 0;
        if (at + 3 > text.Length || text[at] != '&' || text[at + 1] != '#')
        {
            return false;
        }

        var hex = text[at + 2] is 'x' or 'X';
        var k = at + (hex ? 3 : 2);
        var digits = 0;
        while (k < text.Length && digits < 7 && (hex ? char.IsAsciiHexDigit(text[k]) : char.IsAsciiDigit(text[k])))
        {
            code = code * (hex ? 16 : 10) + (hex ? Convert.ToInt32(text[k].ToString(), 16) : text[k] - '0');
            k++;
            digits++;
        }

        if (digits == 0 || code is 0 or > 0xFFFF || char.IsSurrogate((char)code))
        {
            return false;
        }

        if (k < text.Length && text[k] == ';')
        {
            k++;
        }

        length = k - at;
        return true;
    }
}
