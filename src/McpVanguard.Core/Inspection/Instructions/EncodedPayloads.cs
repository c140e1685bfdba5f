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

            i = end;
            var run = span[start..end];
            if (run.Length < MinBase64 || (start > 0 && span[start - 1] is '.' or '%' or '\\'))
            {
                continue;
            }

            // Paths and identifiers match the alphabet too; they decode to bytes, not sentences, and Readable drops them.
            blobs++;
            if (Readable(TryDecode(run[..Math.Min(run.Length, MaxBlobChars)])) is { } text)
            {
                found.Add((start, end, text));
            }
        }

        if (decoded.Contains("rot13", StringComparison.OrdinalIgnoreCase) || decoded.Contains("rot-13", StringComparison.OrdinalIgnoreCase))
        {
            var take = decoded.Length > MaxBlobChars * 4 ? decoded[..(MaxBlobChars * 4)] : decoded;
            found.Add((0, take.Length, Rot13(take)));
        }

        return found;
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
