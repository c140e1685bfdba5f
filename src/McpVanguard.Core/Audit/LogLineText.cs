using System.Buffers;
using System.Globalization;
using System.Text;

namespace McpVanguard.Audit;

/// <summary>
/// Makes agent- or server-controlled text safe to put in a human-readable log line: a tool name holding a newline,
/// a carriage return, an ANSI escape or a bidi override must not forge a line, rewrite the terminal or reorder what
/// a reader sees.
/// </summary>
public static class LogLineText
{
    /// <summary>
    /// C0 controls, DEL, C1 controls, the Unicode line and paragraph separators, and the bidi embedding, override,
    /// isolate and mark characters.
    /// </summary>
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(BuildUnsafe());

    /// <summary>
    /// <paramref name="text"/> with every unsafe character written as an escape (<c>\n</c>, <c>\r</c>, <c>\t</c>,
    /// <c>\x1B</c>, <c>\u202E</c>); the same string when there is none (no allocation on the common path).
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!Unsafe.Contains(c))
            {
                builder.Append(c);
                continue;
            }

            switch (c)
            {
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    builder.Append(c <= '\u00FF' ? "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
            }
        }

        return builder.ToString();
    }

    private static string BuildUnsafe()
    {
        var chars = new StringBuilder();
        for (var c = '\u0000'; c <= '\u001F'; c++)
        {
            chars.Append(c);
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            chars.Append(c);
        }

        // Line/paragraph separators end a line in many viewers; bidi controls reorder what is displayed (Trojan Source).
        chars.Append("\u2028\u2029\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
        return chars.ToString();
    }
}
