using System.Globalization;
using System.Text;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Bash's ANSI-C quoting, <c>$'…'</c>: the word the shell passes is the decoded text (<c>$'\x2fetc\x2fshadow'</c> is <c>/etc/shadow</c>,
/// <c>$'\163'</c> is <c>s</c>), so the tokenizer hands the analysers that text, as bash does.
/// </summary>
internal static class AnsiCQuoting
{
    /// <summary>
    /// Decodes the body that starts at <paramref name="start"/> (just after <c>$'</c>) into <paramref name="into"/>; returns the index after
    /// the closing quote (or the end of <paramref name="s"/> when it is unterminated).
    /// </summary>
    public static int Read(string s, int start, StringBuilder into)
    {
        var i = start;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\'')
            {
                return i + 1;
            }

            if (c != '\\' || i + 1 >= s.Length)
            {
                into.Append(c);
                i++;
                continue;
            }

            var e = s[i + 1];
            i += 2;
            switch (e)
            {
                case 'x':
                    i = Number(s, i, 2, 16, into);
                    break;
                case 'u':
                    i = Number(s, i, 4, 16, into);
                    break;
                case 'U':
                    i = Number(s, i, 8, 16, into);
                    break;
                case >= '0' and <= '7':
                    i = Number(s, i - 1, 3, 8, into);
                    break;
                case 'c' when i < s.Length:
                    into.Append((char)(s[i] & 0x1F));
                    i++;
                    break;
                default:
                    into.Append(e switch
                    {
                        'n' => '\n', 't' => '\t', 'r' => '\r', 'a' => '\a', 'b' => '\b', 'f' => '\f', 'v' => '\v', 'e' or 'E' => '\u001B',
                        _ => e, // \\, \', \", \? and any other character stand for themselves
                    });
                    break;
            }
        }

        return s.Length;
    }

    /// <summary>Reads up to <paramref name="max"/> digits of <paramref name="radix"/> at <paramref name="i"/> and appends the code point.</summary>
    private static int Number(string s, int i, int max, int radix, StringBuilder into)
    {
        var end = i;
        while (end < s.Length && end - i < max && (radix == 16 ? char.IsAsciiHexDigit(s[end]) : s[end] is >= '0' and <= '7'))
        {
            end++;
        }

        if (end == i)
        {
            into.Append('\\').Append(radix == 8 ? string.Empty : s[i - 1].ToString());
            return i;
        }

        var value = radix == 16 ? int.Parse(s.AsSpan(i, end - i), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) : Convert.ToInt32(s[i..end], 8);
        if (value is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
        {
            into.Append(char.ConvertFromUtf32(value));
        }

        return end;
    }
}
