using System.Text;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// A list of string literals joined into one, spelled as the joined literal so the literal scanner sees the path it builds:
/// PowerShell <c>('C:\Users\bob\.ssh\','id','_rsa') -join ''</c> and <c>-join ('a','b')</c>, Python <c>''.join(['/etc/', 'shadow'])</c>,
/// JavaScript <c>['/etc/', 'shadow'].join('')</c>. Lists of anything other than literals stay as written. Linear: each list is read once.
/// </summary>
internal static class JoinedLists
{
    /// <summary>Most items one list may have; longer lists are data, not a hidden path.</summary>
    private const int MaxItems = 64;

    public static string Fold(string code)
    {
        if (code.IndexOf("join", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return code;
        }

        var sb = new StringBuilder(code.Length);
        var i = 0;
        while (i < code.Length)
        {
            if (TryFold(code, i, out var end, out var joined))
            {
                sb.Append('\'').Append(joined).Append('\'');
                i = end;
                continue;
            }

            sb.Append(code[i]);
            i++;
        }

        return sb.ToString();
    }

    /// <summary>
    /// A PowerShell expression argument as the literal it evaluates to: joins and <c>[char]</c> codes folded, then <c>'a' + 'b'</c>
    /// concatenated and a parenthesised literal unwrapped, so <c>Get-Content ('C:\Users\bob\.ssh\' + 'id_rsa')</c> reads as one path word.
    /// </summary>
    public static string FoldPowerShell(string script)
    {
        var code = Fold(CharCodes.Spell(script));
        if (code.IndexOf('+') < 0 && code.IndexOf('(') < 0)
        {
            return code;
        }

        var sb = new StringBuilder(code.Length);
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            var open = c == '(' ? SkipBlanks(code, i + 1) : i;
            if ((c == '(' || c is '\'' or '"') && TryConcatenation(code, open, out var end, out var text))
            {
                var after = SkipBlanks(code, end);
                if (c == '(' && after < code.Length && code[after] == ')')
                {
                    end = after + 1;
                }
                else if (c == '(')
                {
                    sb.Append(c);
                    i++;
                    continue;
                }

                sb.Append('\'').Append(text).Append('\'');
                i = end;
                continue;
            }

            sb.Append(c);
            i++;
        }

        return sb.ToString();
    }

    /// <summary>One literal or several joined by <c>+</c>, starting at <paramref name="at"/>.</summary>
    private static bool TryConcatenation(string code, int at, out int end, out string text)
    {
        if (!TryQuoted(code, at, out end, out text))
        {
            return false;
        }

        var sb = new StringBuilder(text);
        while (SkipBlanks(code, end) is var plus && plus < code.Length && code[plus] == '+'
            && TryQuoted(code, SkipBlanks(code, plus + 1), out var next, out var part) && sb.Length < 4096)
        {
            sb.Append(part);
            end = next;
        }

        text = sb.ToString();
        return true;
    }

    private static bool TryFold(string code, int i, out int end, out string joined)
    {
        end = i;
        joined = string.Empty;
        var c = code[i];
        if (c is '(' or '[' && TryList(code, i, out var listEnd, out var items))
        {
            var after = SkipBlanks(code, listEnd);
            if (StartsWith(code, after, "-join"))
            {
                // (list) -join 'sep', or (list) -join with no separator operand.
                var s = SkipBlanks(code, after + 5);
                var separator = TryQuoted(code, s, out var sepEnd, out var sep) ? sep : string.Empty;
                end = separator.Length > 0 || sepEnd > s ? sepEnd : after + 5;
                joined = string.Join(separator, items);
                return true;
            }

            if (StartsWith(code, after, ".join(") && TryQuoted(code, SkipBlanks(code, after + 6), out var jsEnd, out var jsSep)
                && SkipBlanks(code, jsEnd) is var p && p < code.Length && code[p] == ')')
            {
                end = p + 1;
                joined = string.Join(jsSep, items);
                return true;
            }

            return false;
        }

        if (c == '-' && StartsWith(code, i, "-join") && SkipBlanks(code, i + 5) is var open && open < code.Length && code[open] == '('
            && TryList(code, open, out var unaryEnd, out var unary))
        {
            end = unaryEnd;
            joined = string.Concat(unary);
            return true;
        }

        if (c is '\'' or '"' && TryQuoted(code, i, out var qEnd, out var pySep) && StartsWith(code, qEnd, ".join(")
            && SkipBlanks(code, qEnd + 6) is var l && l < code.Length && code[l] is '[' or '(' && TryList(code, l, out var pyEnd, out var pyItems)
            && SkipBlanks(code, pyEnd) is var close && close < code.Length && code[close] == ')')
        {
            end = close + 1;
            joined = string.Join(pySep, pyItems);
            return true;
        }

        return false;
    }

    /// <summary>A bracketed, comma-separated list of two or more quoted literals starting at <paramref name="open"/>.</summary>
    private static bool TryList(string code, int open, out int end, out List<string> items)
    {
        items = [];
        end = open;
        var closer = code[open] == '(' ? ')' : ']';
        var p = SkipBlanks(code, open + 1);
        while (p < code.Length && items.Count < MaxItems)
        {
            if (!TryQuoted(code, p, out var qEnd, out var item))
            {
                return false;
            }

            items.Add(item);
            p = SkipBlanks(code, qEnd);
            if (p < code.Length && code[p] == ',')
            {
                p = SkipBlanks(code, p + 1);
                continue;
            }

            if (p < code.Length && code[p] == closer && items.Count >= 2)
            {
                end = p + 1;
                return true;
            }

            return false;
        }

        return false;
    }

    private static bool TryQuoted(string code, int at, out int end, out string text)
    {
        end = at;
        text = string.Empty;
        if (at >= code.Length || code[at] is not ('\'' or '"'))
        {
            return false;
        }

        var close = code.IndexOf(code[at], at + 1);
        if (close < 0 || close - at > 4096)
        {
            return false;
        }

        text = code[(at + 1)..close];
        end = close + 1;
        return true;
    }

    private static int SkipBlanks(string code, int p)
    {
        while (p < code.Length && code[p] is ' ' or '\t')
        {
            p++;
        }

        return p;
    }

    private static bool StartsWith(string code, int at, string token) =>
        at + token.Length <= code.Length && string.Compare(code, at, token, 0, token.Length, StringComparison.OrdinalIgnoreCase) == 0;
}
