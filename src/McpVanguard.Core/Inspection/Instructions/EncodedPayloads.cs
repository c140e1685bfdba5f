using System.Buffers;
using System.Text;

namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// Finds blobs a model could decode — base64 (standard or URL-safe), hex, and text said to be rot13 — and returns their
/// decoded text when it is readable, so that an instruction hidden as "decode this and follow it" is analysed like any
/// other. Bounded: a few blobs per text, a few kilobytes each, and only printable UTF-8 that reads like words is kept
/// (an image, a hash or a key decodes to bytes, not sentences).
/// </summary>
internal static class EncodedPayloads
{
    /// <summary>Shortest blob considered: shorter runs are identifiers, hashes and words.</summary>
    private const int MinBase64 = 24;

    private const int MinHex = 32;

    /// <summary>Most blobs decoded per text, and most characters of each blob decoded.</summary>
    private const int MaxBlobs = 8;

    private const int MaxBlobChars = 16 * 1024;

    private static readonly SearchValues<char> Base64Chars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_");

    private static readonly SearchValues<char> Base32Chars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");

    private static readonly SearchValues<char> HexChars = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>The readable texts decoded from <paramref name="decoded"/> (case kept), at most <see cref="MaxBlobs"/>; empty when none.</summary>
    public static List<(int Start, int End, string Text)> Decode(string decoded)
    {
        var found = new List<(int, int, string)>();
        var span = decoded.AsSpan();
        var i = 0;
        var blobs = 0;
        while (i < span.Length && blobs < MaxBlobs)
        {
            var next = span[i..].IndexOfAny(Base64Chars);
            if (next < 0)
            {
                break;
            }

            var start = i + next;
            var length = span[start..].IndexOfAnyExcept(Base64Chars);
            var end = length < 0 ? span.Length : start + length;

            // Padding ends a blob; an '=' inside text ("payload=…") separates a key from its value.
            for (var pad = 0; pad < 2 && end < span.Length && span[end] == '='; pad++)
            {
                end++;
            }

            // A blob wrapped over several lines (as base64 tools print it) is one blob: the lines are joined before decoding.
            var joined = (string?)null;
            while (end - start >= 16 && end < span.Length - 1 && span[end] is '\n' or '\r' && end - start < MaxBlobChars)
            {
                var lineStart = end;
                while (lineStart < span.Length && span[lineStart] is '\n' or '\r')
                {
                    lineStart++;
                }

                var lineLength = span[lineStart..].IndexOfAnyExcept(Base64Chars);
                var lineEnd = lineLength < 0 ? span.Length : lineStart + lineLength;
                for (var pad = 0; pad < 2 && lineEnd < span.Length && span[lineEnd] == '='; pad++)
                {
                    lineEnd++;
                }

                if (lineEnd - lineStart < 8 || (lineEnd < span.Length && !(span[lineEnd] is '\n' or '\r' or ' ')))
                {
                    break;
                }

                joined = (joined ?? span[start..end].ToString()) + span[lineStart..lineEnd].ToString();
                end = lineEnd;
            }

            i = end;
            var run = joined is null ? span[start..end] : joined.AsSpan();
            if (run.Length < MinBase64 || (start > 0 && span[start - 1] is '.' or '%' or '\\'))
            {
                continue;
            }

            // Paths and identifiers match the alphabet too; they decode to bytes, not sentences, and Readable drops them.
            blobs++;
            var blob = run[..Math.Min(run.Length, MaxBlobChars)];
            if ((Readable(TryDecode(blob)) ?? Readable(TryBase32(blob))) is { } text)
            {
                found.Add((start, end, text));
            }
        }

        // \uXXXX and \xXX escapes spell text a model reads back as words.
        if (Unescape(decoded) is { } unescaped)
        {
            found.Add((0, decoded.Length, unescaped));
        }

        // HTML character references (&#73;&#103;… or &#x49;) read as the letters they name, inside or across words.
        if (HtmlReferences.Resolve(decoded) is { } resolved)
        {
            found.Add((0, decoded.Length, resolved));
        }

        // Text spelled out letter by letter ("i g n o r e  a l l …") is read as words by a model.
        if (SpacedLetters.Join(decoded) is { } joinedLetters)
        {
            found.Add((0, decoded.Length, joinedLetters));
        }

        // Text written backwards ("resu eht gnillet tuohtiw … dnes") is read forwards by a model told to reverse it.
        if (ReversedText.Reverse(decoded) is { } forwards)
        {
            found.Add((0, decoded.Length, forwards));
        }

        if (decoded.Contains("rot13", StringComparison.OrdinalIgnoreCase) || decoded.Contains("rot-13", StringComparison.OrdinalIgnoreCase))
        {
            var take = decoded.Length > MaxBlobChars * 4 ? decoded[..(MaxBlobChars * 4)] : decoded;
            found.Add((0, take.Length, Rot13(take)));
        }

        return found;
    }

    /// <summary>Fewest escapes that make a text an escaped message rather than code with a few escapes in it.</summary>
    private const int MinEscapes = 12;

    /// <summary>The text with <c>\uXXXX</c> and <c>\xXX</c> escapes resolved when it holds at least <see cref="MinEscapes"/> of them; otherwise null.</summary>
    private static string? Unescape(string text)
    {
        var escapes = 0;
        for (var k = text.IndexOf('\\'); k >= 0 && k < text.Length - 1; k = text.IndexOf('\\', k + 1))
        {
            if (text[k + 1] is 'u' or 'x')
            {
                escapes++;
            }
        }

        if (escapes < MinEscapes && !EscapeInsideWord(text))
        {
            return null;
        }

        var take = text.Length > MaxBlobChars ? text[..MaxBlobChars] : text;
        var result = new StringBuilder(take.Length);
        for (var k = 0; k < take.Length; k++)
        {
            var width = k + 1 < take.Length ? take[k + 1] switch { 'u' => 4, 'x' => 2, _ => 0 } : 0;
            if (take[k] == '\\' && width > 0 && k + 2 + width <= take.Length
                && int.TryParse(take.AsSpan(k + 2, width), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                result.Append((char)code);
                k += 1 + width;
            }
            else
            {
                result.Append(take[k]);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// True when an escape spells a letter joined to the letters after it (<c>\u0049gnore</c>): one escape is enough to break a
    /// word for a pattern and not for a model. Code escapes a quote, a newline or a whole non-ASCII string, not one letter of a word.
    /// </summary>
    private static bool EscapeInsideWord(string text)
    {
        for (var k = text.IndexOf('\\'); k >= 0 && k < text.Length - 3; k = text.IndexOf('\\', k + 1))
        {
            var width = text[k + 1] switch { 'u' => 4, 'x' => 2, _ => 0 };
            if (width > 0 && k + 2 + width < text.Length && char.IsAsciiLetter(text[k + 2 + width])
                && int.TryParse(text.AsSpan(k + 2, width), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code)
                && code < 0x80 && char.IsAsciiLetter((char)code))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[]? TryDecode(ReadOnlySpan<char> run)
    {
        var trimmed = run.TrimEnd('=');
        if (trimmed.Length >= MinHex && trimmed.Length % 2 == 0 && !trimmed.ContainsAnyExcept(HexChars))
        {
            try
            {
                return Convert.FromHexString(trimmed);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        // Standard and URL-safe alphabets; padding restored.
        var chars = new char[trimmed.Length + ((4 - (trimmed.Length % 4)) % 4)];
        for (var k = 0; k < trimmed.Length; k++)
        {
            chars[k] = trimmed[k] switch { '-' => '+', '_' => '/', var c => c };
        }

        for (var k = trimmed.Length; k < chars.Length; k++)
        {
            chars[k] = '=';
        }

        if (chars.Length % 4 != 0 || trimmed.Length % 4 == 1)
        {
            return null;
        }

        var bytes = new byte[chars.Length / 4 * 3];
        return Convert.TryFromBase64Chars(chars, bytes, out var written) ? bytes[..written] : null;
    }

    /// <summary>
    /// RFC 4648 base32 (upper-case A–Z and 2–7, optional padding): what base32 tools print, and an alphabet base64 also accepts,
    /// so a base32 blob decodes to noise as base64 and is tried again here. Null when the run is not base32.
    /// </summary>
    private static byte[]? TryBase32(ReadOnlySpan<char> run)
    {
        var trimmed = run.TrimEnd('=');
        if (trimmed.Length < MinBase64 || trimmed.ContainsAnyExcept(Base32Chars))
        {
            return null;
        }

        var bytes = new byte[trimmed.Length * 5 / 8];
        var buffer = 0;
        var bits = 0;
        var written = 0;
        foreach (var c in trimmed)
        {
            buffer = (buffer << 5) | (c >= 'A' ? c - 'A' : c - '2' + 26);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[written++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        return bytes[..written];
    }

    /// <summary>The UTF-8 text of <paramref name="bytes"/> when it reads like words: valid, printable, with spaces between words.</summary>
    private static string? Readable(byte[]? bytes)
    {
        if (bytes is null || bytes.Length < 12)
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var printable = 0;
        var spaces = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                spaces++;
            }

            if (!char.IsControl(c) || c is '\n' or '\r' or '\t')
            {
                printable++;
            }
        }

        // CJK sentences have no spaces; a long enough printable CJK run is readable too.
        var cjk = text.Count(static c => c >= '\u3040');

        // Base64 of base64: the inner blob is decoded on the next level.
        if (spaces == 0 && text.Length >= MinBase64 && !text.AsSpan().TrimEnd('=').ContainsAnyExcept(Base64Chars))
        {
            return text;
        }

        return printable * 10 >= text.Length * 9 && (spaces >= 2 || cjk >= 6) ? text : null;
    }

    private static string Rot13(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var k = 0; k < source.Length; k++)
        {
            var c = source[k];
            span[k] = c switch
            {
                >= 'a' and <= 'z' => (char)('a' + ((c - 'a' + 13) % 26)),
                >= 'A' and <= 'Z' => (char)('A' + ((c - 'A' + 13) % 26)),
                _ => c,
            };
        }
    });
}
