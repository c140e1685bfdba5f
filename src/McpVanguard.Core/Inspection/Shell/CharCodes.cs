using System.Text;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Spells out characters that code builds from numbers, so that the literal scanner sees them: <c>chr(47)</c>, <c>chr(0x2f)</c>
/// (Python, Perl, PHP), <c>String.fromCharCode(47, 101)</c> (JavaScript) and <c>[char]47</c> (PowerShell) become quoted literals that a
/// <c>+</c> or <c>.</c> joins like any other. Linear; returns the code itself when it has none.
/// </summary>
internal static class CharCodes
{
    public static string Spell(string code)
    {
        var lists = BuildsFromLists(code);
        // BuildsFromLists also covers the chr( and fromCharCode( calls; only PowerShell's [char] cast needs its own test.
        if (!lists && code.IndexOf("[char]", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return code;
        }

        var sb = new StringBuilder(code.Length);
        var i = 0;
        while (i < code.Length)
        {
            if (TryCall(code, i, "string.fromcharcode(", out var end, out var chars) || TryCall(code, i, "chr(", out end, out chars) || TryCast(code, i, out end, out chars)
                || lists && TryList(code, i, out end, out chars))
            {
                sb.Append('\'').Append(chars).Append('\'');
                i = end;
                continue;
            }

            sb.Append(code[i]);
            i++;
        }

        return sb.ToString();
    }

    /// <summary>A call of <paramref name="name"/> with numeric arguments only, at <paramref name="at"/>; <paramref name="end"/> is after its ')'.</summary>
    private static bool TryCall(string code, int at, string name, out int end, out string chars)
    {
        end = at;
        chars = string.Empty;
        if (string.Compare(code, at, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0
            || at > 0 && name == "chr(" && (char.IsAsciiLetterOrDigit(code[at - 1]) || code[at - 1] == '_'))
        {
            return false;
        }

        var close = code.IndexOf(')', at + name.Length);
        if (close < 0 || close - at > 1024)
        {
            return false;
        }

        if (!TrySpell(code.AsSpan(at + name.Length, close - at - name.Length), printableOnly: false, minLength: 1, out chars))
        {
            return false;
        }

        end = close + 1;
        return true;
    }

    /// <summary>
    /// True when the code turns numbers into characters one by one (a generator, <c>map</c>, <c>join</c> or a byte string) rather than by
    /// a call with literal arguments: <c>''.join(chr(c) for c in [47, …])</c>, <c>map(chr, […])</c>, <c>[…].map(c =&gt; String.fromCharCode(c))</c>,
    /// <c>String.fromCharCode(...[…])</c>, <c>bytes([…]).decode()</c>, <c>[char[]](47, …) -join ''</c>, Perl's <c>pack('C*', …)</c>.
    /// </summary>
    private static bool BuildsFromLists(string code) =>
        code.Contains("chr", StringComparison.OrdinalIgnoreCase) || code.Contains("fromcharcode", StringComparison.OrdinalIgnoreCase)
        || code.Contains("bytes(", StringComparison.OrdinalIgnoreCase) || code.Contains("bytearray(", StringComparison.OrdinalIgnoreCase)
        || code.Contains("[char[]]", StringComparison.OrdinalIgnoreCase) || code.Contains("pack(", StringComparison.OrdinalIgnoreCase)
        || code.Contains("buffer.from([", StringComparison.OrdinalIgnoreCase);

    /// <summary>Least numbers in a list read as characters: shorter lists spell nothing a path rule could match.</summary>
    private const int MinListLength = 3;

    /// <summary>A bracketed list of printable character codes at <paramref name="at"/> (<c>[47, 101, 116]</c>, <c>(0x2f, 0x65)</c>), spelled as its text.</summary>
    private static bool TryList(string code, int at, out int end, out string chars)
    {
        end = at;
        chars = string.Empty;
        var open = code[at];
        if (open is not ('[' or '(' or '{'))
        {
            return false;
        }

        var closeChar = open switch { '[' => ']', '(' => ')', _ => '}' };
        var close = code.IndexOf(closeChar, at + 1);
        if (close < 0 || close - at > 4096)
        {
            return false;
        }

        if (!TrySpell(code.AsSpan(at + 1, close - at - 1), printableOnly: true, MinListLength, out chars))
        {
            return false;
        }

        end = close + 1;
        return true;
    }

    /// <summary>
    /// Comma-separated numbers spelled as the characters they code, escaped for a single-quoted literal; the one reading of a call's
    /// arguments and of a list. A list must be printable ASCII or Latin-1 (a list of counts is not text) and may end with a comma.
    /// </summary>
    private static bool TrySpell(ReadOnlySpan<char> body, bool printableOnly, int minLength, out string chars)
    {
        chars = string.Empty;
        var sb = new StringBuilder();
        foreach (var range in body.Split(','))
        {
            var part = body[range].Trim();
            if (part.Length == 0 && printableOnly && sb.Length > 0)
            {
                continue; // a trailing comma
            }

            if (!TryNumber(part, out var value) || printableOnly && (value < 0x20 || value is > 0x7e and < 0xa0))
            {
                return false;
            }

            sb.Append((char)value);
        }

        if (sb.Length < minLength)
        {
            return false;
        }

        chars = sb.ToString().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
        return true;
    }

    /// <summary>PowerShell's <c>[char]47</c>.</summary>
    private static bool TryCast(string code, int at, out int end, out string chars)
    {
        end = at;
        chars = string.Empty;
        if (string.Compare(code, at, "[char]", 0, 6, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var j = at + 6;
        while (j < code.Length && char.IsAsciiDigit(code[j]))
        {
            j++;
        }

        if (!TryNumber(code.AsSpan(at + 6, j - at - 6), out var value))
        {
            return false;
        }

        end = j;
        chars = value == '\'' ? "\\'" : ((char)value).ToString();
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        var hex = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var digits = hex ? s[2..] : s;
        return digits.Length is > 0 and <= 6
            && int.TryParse(digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None, null, out value)
            && value is > 0 and < 0xD800;
    }
}
