using System.Text;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Interpreter code that names a module or function through strings, so no call is written out: <c>getattr(__import__('o'+'s'),'sys'+'tem')</c>,
/// <c>require('child_'+'process')['exec'+'Sync']</c>. <see cref="Fold"/> rewrites it as the call it makes (<c>os.system</c>,
/// <c>require('child_process').execSync</c>) so the code checks judge what runs. Linear in the code, bounded in size.
/// </summary>
internal static class DynamicNames
{
    private const int MaxCode = 64 * 1024;

    /// <summary>The code with string concatenations joined, <c>__import__('m')</c> as <c>m</c>, <c>getattr(x, 'f')</c> and <c>x['f']</c> as <c>x.f</c>; the code itself when none is there.</summary>
    public static string Fold(string code)
    {
        if (code.Length > MaxCode || !(code.Contains('+') || code.Contains("getattr", StringComparison.Ordinal) || code.Contains("__import__", StringComparison.Ordinal)
            || code.Contains("['", StringComparison.Ordinal) || code.Contains("[\"", StringComparison.Ordinal)))
        {
            return code;
        }

        var folded = Attributes(Imports(JoinLiterals(code)));
        return folded == code ? code : folded;
    }

    /// <summary><c>'o' + 's'</c> → <c>'os'</c>, for runs of quoted literals joined by <c>+</c>.</summary>
    private static string JoinLiterals(string code)
    {
        var sb = new StringBuilder(code.Length);
        var i = 0;
        while (i < code.Length)
        {
            if (code[i] is not ('\'' or '"'))
            {
                sb.Append(code[i++]);
                continue;
            }

            var quote = code[i];
            var body = new StringBuilder();
            var next = ReadLiteral(code, i, body);
            while (next > 0)
            {
                var j = SkipSpaces(code, next);
                if (j >= code.Length || code[j] != '+')
                {
                    break;
                }

                j = SkipSpaces(code, j + 1);
                if (j >= code.Length || code[j] is not ('\'' or '"'))
                {
                    break;
                }

                var after = ReadLiteral(code, j, body);
                if (after < 0)
                {
                    break;
                }

                next = after;
            }

            if (next < 0)
            {
                sb.Append(code, i, code.Length - i);
                break;
            }

            sb.Append(quote).Append(body).Append(quote);
            i = next;
        }

        return sb.ToString();
    }

    /// <summary>Reads the literal opening at <paramref name="i"/> into <paramref name="body"/> (escapes kept); the index after it, or -1 when unterminated.</summary>
    private static int ReadLiteral(string code, int i, StringBuilder body)
    {
        var quote = code[i];
        for (var j = i + 1; j < code.Length; j++)
        {
            if (code[j] == '\\' && j + 1 < code.Length)
            {
                body.Append(code[j]).Append(code[j + 1]);
                j++;
            }
            else if (code[j] == quote)
            {
                return j + 1;
            }
            else if (code[j] == '\n')
            {
                return -1;
            }
            else
            {
                body.Append(code[j]);
            }
        }

        return -1;
    }

    private static int SkipSpaces(string code, int i)
    {
        while (i < code.Length && code[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    /// <summary><c>__import__('os')</c> and <c>importlib.import_module('os')</c> → <c>os</c>.</summary>
    private static string Imports(string code)
    {
        foreach (var call in (string[])["importlib.import_module(", "__import__("])
        {
            var at = code.IndexOf(call, StringComparison.Ordinal);
            var guard = 0;
            while (at >= 0 && guard++ < 64)
            {
                var open = at + call.Length;
                var j = SkipSpaces(code, open);
                var body = new StringBuilder();
                if (j < code.Length && code[j] is '\'' or '"' && ReadLiteral(code, j, body) is var end and > 0
                    && SkipSpaces(code, end) is var close && close < code.Length && code[close] == ')' && IsName(body))
                {
                    code = string.Concat(code.AsSpan(0, at), body.ToString(), code.AsSpan(close + 1));
                }

                at = code.IndexOf(call, at + 1, StringComparison.Ordinal);
            }
        }

        return code;
    }

    /// <summary><c>getattr(x, 'f')</c> and <c>x['f']</c> → <c>x.f</c> when <c>f</c> is a name.</summary>
    private static string Attributes(string code)
    {
        var at = code.IndexOf("getattr(", StringComparison.Ordinal);
        var guard = 0;
        while (at >= 0 && guard++ < 64)
        {
            // The first argument runs to the top-level comma.
            var depth = 0;
            var j = at + "getattr(".Length;
            var start = j;
            for (; j < code.Length; j++)
            {
                if (code[j] is '(' or '[')
                {
                    depth++;
                }
                else if (code[j] is ')' or ']')
                {
                    if (depth-- == 0)
                    {
                        break;
                    }
                }
                else if (code[j] == ',' && depth == 0)
                {
                    break;
                }
            }

            var body = new StringBuilder();
            if (j < code.Length && code[j] == ',' && SkipSpaces(code, j + 1) is var q && q < code.Length && code[q] is '\'' or '"'
                && ReadLiteral(code, q, body) is var end and > 0 && SkipSpaces(code, end) is var close && close < code.Length && code[close] is ')' or ','
                && IsName(body))
            {
                var target = code[start..j].Trim();
                code = code[..at] + target + "." + body + code[(close + (code[close] == ')' ? 1 : 0))..];
            }

            at = code.IndexOf("getattr(", at + 1, StringComparison.Ordinal);
        }

        foreach (var open in (string[])["['", "[\""])
        {
            var i = code.IndexOf(open, StringComparison.Ordinal);
            guard = 0;
            while (i > 0 && guard++ < 64)
            {
                var body = new StringBuilder();
                if ((char.IsLetterOrDigit(code[i - 1]) || code[i - 1] is ')' or '_') && ReadLiteral(code, i + 1, body) is var end and > 0
                    && end < code.Length && code[end] == ']' && IsName(body))
                {
                    code = string.Concat(code.AsSpan(0, i), ".", body.ToString(), code.AsSpan(end + 1));
                }

                i = code.IndexOf(open, i + 1, StringComparison.Ordinal);
            }
        }

        return code;
    }

    private static bool IsName(StringBuilder s)
    {
        if (s.Length is 0 or > 64)
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(s[i]) && s[i] is not ('_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
