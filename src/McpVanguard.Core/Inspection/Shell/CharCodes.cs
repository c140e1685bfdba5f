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
        if (code.IndexOf("chr(", StringComparison.OrdinalIgnoreCase) < 0 && code.IndexOf("fromcharcode(", StringComparison.OrdinalIgnoreCase) < 0
            && code.IndexOf("[char]", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return code;
        }

        var sb = new StringBuilder(code.Length);
        var i = 0;
        while (i < code.Length)
        {
            if (TryCall(code, i, "string.fromcharcode(", out var end, out var chars) || TryCall(code, i, "chr(", out end, out chars) || TryCast(code, i, out end, out chars))
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

        var sb = new StringBuilder();
        foreach (var part in code.AsSpan(at + name.Length, close - at - name.Length).Split(','))
        {
            if (!TryNumber(code.AsSpan(at + name.Length, close - at - name.Length)[part].Trim(), out var value))
            {
                return false;
            }

            sb.Append((char)value);
        }

        end = close + 1;
        chars = sb.ToString().Replace("'", "\\'", StringComparison.Ordinal);
        return sb.Length > 0;
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
