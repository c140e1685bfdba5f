using System.Buffers;
using System.Text;

namespace McpVanguard.Inspection.Shell;

/// <summary>Decodes the literal payloads attackers hide in command lines (base64, hex, printf escapes) so they can be analysed again.</summary>
internal static class ShellPayloadDecoder
{
    /// <summary>Longest literal decoded; longer blobs are still flagged by the pipeline shape, just not re-analysed.</summary>
    private const int MaxEncodedLength = 32 * 1024;

    /// <summary>Decodes standard or URL-safe base64 to text; false when the value is not base64 or does not decode to text.</summary>
    public static bool TryBase64(string value, bool utf16, out string text) => TryBase64(value, utf16, 8, out text);

    /// <summary>
    /// <see cref="TryBase64(string, bool, out string)"/> for a value at least <paramref name="minimumLength"/> long: where the line itself
    /// decodes it (<c>$(echo Y2F0 | base64 -d)</c>), a short value is as much a payload as a long one.
    /// </summary>
    public static bool TryBase64(string value, bool utf16, int minimumLength, out string text)
    {
        text = string.Empty;
        if (value.Length < minimumLength || value.Length > MaxEncodedLength)
        {
            return false;
        }

        var chars = ArrayPool<char>.Shared.Rent(value.Length + 3);
        var bytes = ArrayPool<byte>.Shared.Rent(value.Length);
        try
        {
            var n = 0;
            foreach (var c in value)
            {
                if (c is ' ' or '\n' or '\r' or '\t' or '=')
                {
                    continue;
                }

                if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '-' or '_'))
                {
                    return false;
                }

                chars[n++] = c switch { '-' => '+', '_' => '/', _ => c };
            }

            if (n % 4 == 1)
            {
                return false;
            }

            while (n % 4 != 0)
            {
                chars[n++] = '=';
            }

            if (!Convert.TryFromBase64Chars(chars.AsSpan(0, n), bytes, out var written) || written == 0)
            {
                return false;
            }

            text = utf16 ? Encoding.Unicode.GetString(bytes, 0, written & ~1) : Encoding.UTF8.GetString(bytes, 0, written);
            return IsMostlyText(text);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Decodes a hex string (<c>6375726c…</c>, optionally with <c>0x</c> or <c>\x</c> prefixes and spaces) to text.</summary>
    public static bool TryHex(string value, out string text)
    {
        text = string.Empty;
        if (value.Length < 4 || value.Length > MaxEncodedLength)
        {
            return false;
        }

        var clean = value.Replace("\\x", string.Empty, StringComparison.OrdinalIgnoreCase)
            .Replace("0x", string.Empty, StringComparison.OrdinalIgnoreCase).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("\n", string.Empty, StringComparison.Ordinal);
        if (clean.Length % 2 != 0)
        {
            return false;
        }

        try
        {
            text = Encoding.UTF8.GetString(Convert.FromHexString(clean));
            return IsMostlyText(text);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Expands <c>printf</c>/<c>echo -e</c> escapes (<c>\xHH</c>, <c>\NNN</c> octal); false when there are none.</summary>
    public static bool TryUnescape(string value, out string text)
    {
        text = string.Empty;
        if (!value.Contains('\\') || value.Length > MaxEncodedLength)
        {
            return false;
        }

        var sb = new StringBuilder(value.Length);
        var escapes = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 3 < value.Length && value[i + 1] == 'x' && char.IsAsciiHexDigit(value[i + 2]) && char.IsAsciiHexDigit(value[i + 3]))
            {
                sb.Append((char)Convert.ToByte(value.Substring(i + 2, 2), 16));
                i += 3;
                escapes++;
            }
            else if (c == '\\' && i + 3 < value.Length && IsOctal(value[i + 1]) && IsOctal(value[i + 2]) && IsOctal(value[i + 3]))
            {
                sb.Append((char)(((value[i + 1] - '0') << 6) | ((value[i + 2] - '0') << 3) | (value[i + 3] - '0')));
                i += 3;
                escapes++;
            }
            else
            {
                sb.Append(c);
            }
        }

        text = sb.ToString();
        return escapes >= 2;
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';

    /// <summary>True when at least 90% of the characters are printable: random bytes are not worth re-analysing.</summary>
    private static bool IsMostlyText(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var printable = 0;
        foreach (var c in text)
        {
            if (c >= ' ' && c != '\uFFFD' || c is '\n' or '\r' or '\t')
            {
                printable++;
            }
        }

        return printable * 10 >= text.Length * 9;
    }
}
