using System.Text;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// PowerShell expressions that build a path from pieces, written out as the path word they evaluate to before the POSIX reading sees the
/// script: <c>(Join-Path $env:USERPROFILE '.ssh/id_rsa')</c>, <c>('{0}/.aws/{1}' -f $HOME, 'credentials')</c>, and a variable
/// concatenated with literals (<c>$env:USERPROFILE + '/.ssh/' + 'id_rsa'</c>). Variables stay as written for the expansion to
/// fill (<c>$env:USERPROFILE</c> is the home). Runs on the script with backslashes already read as '/'; one linear pass per form.
/// </summary>
internal static class PowerShellExpressions
{
    /// <summary>Longest script folded (longer ones are read as written).</summary>
    private const int MaxLength = 16 * 1024;

    public static string Fold(string script)
    {
        if (script.Length > MaxLength)
        {
            return script;
        }

        var folded = script;
        if (folded.Contains("join-path", StringComparison.OrdinalIgnoreCase))
        {
            folded = JoinPaths(folded);
        }

        if (folded.Contains(" -f ", StringComparison.OrdinalIgnoreCase))
        {
            folded = Formats(folded);
        }

        return folded.Contains('+') ? Concatenations(folded) : folded;
    }

    /// <summary><c>(Join-Path A B [C …])</c> and <c>(Join-Path -Path A -ChildPath B)</c> → <c>A/B</c>.</summary>
    private static string JoinPaths(string s)
    {
        var sb = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            var at = s.IndexOf("(join-path", i, StringComparison.OrdinalIgnoreCase);
            var close = at < 0 ? -1 : s.IndexOf(')', at);
            if (at < 0 || close < 0)
            {
                sb.Append(s, i, s.Length - i);
                break;
            }

            sb.Append(s, i, at - i);
            var parts = s[(at + "(join-path".Length)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(static p => !p.StartsWith('-')).Select(static p => p.Trim('\'', '"').TrimEnd('/'));
            sb.Append(string.Join('/', parts));
            i = close + 1;
        }

        return sb.ToString();
    }

    /// <summary><c>('fmt' -f a, b)</c> → the format with <c>{0}</c>, <c>{1}</c> … filled by the operands (literals or variables).</summary>
    private static string Formats(string s)
    {
        var sb = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            var f = s.IndexOf(" -f ", i, StringComparison.OrdinalIgnoreCase);
            if (f < 0)
            {
                sb.Append(s, i, s.Length - i);
                break;
            }

            // The format is the quoted literal just before " -f ", inside a '(' that a ')' after the operands closes.
            var quoteEnd = f - 1;
            while (quoteEnd >= i && s[quoteEnd] == ' ')
            {
                quoteEnd--;
            }

            var quote = quoteEnd >= i ? s[quoteEnd] : '\0';
            var quoteStart = quote is '\'' or '"' ? s.LastIndexOf(quote, quoteEnd - 1) : -1;
            var close = s.IndexOf(')', f);
            if (quoteStart < i || close < 0)
            {
                sb.Append(s, i, f + 4 - i);
                i = f + 4;
                continue;
            }

            var format = s[(quoteStart + 1)..quoteEnd];
            var operands = s[(f + 4)..close].Split(',').Select(static o => o.Trim().Trim('\'', '"')).ToArray();
            for (var n = 0; n < operands.Length && n < 10; n++)
            {
                format = format.Replace("{" + n + "}", operands[n], StringComparison.Ordinal);
            }

            var open = quoteStart > 0 && s[quoteStart - 1] == '(' ? quoteStart - 1 : quoteStart;
            sb.Append(s, i, open - i).Append(format);
            i = open == quoteStart ? close : close + 1;
        }

        return sb.ToString();
    }

    /// <summary>
    /// <c>$env:USERPROFILE + '/.ssh/id_rsa'</c> → <c>$env:USERPROFILE'/.ssh/id_rsa'</c>: the POSIX reading joins adjacent quoted parts
    /// into one word. Only a '+' next to a variable; two literals are left to <see cref="JoinedLists.FoldPowerShell"/>, numbers to add.
    /// </summary>
    private static string Concatenations(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '+')
            {
                sb.Append(s[i]);
                continue;
            }

            var before = sb.Length - 1;
            while (before >= 0 && sb[before] == ' ')
            {
                before--;
            }

            var after = i + 1;
            while (after < s.Length && s[after] == ' ')
            {
                after++;
            }

            var left = before >= 0 ? sb[before] : '\0';
            var right = after < s.Length ? s[after] : '\0';
            // Two literals are JoinedLists' to fold ('a' + 'b'); here only a variable and what is added to it.
            if ((left is '\'' or '"' && right == '$') || ((char.IsAsciiLetterOrDigit(left) || left == '_') && right is '\'' or '"' or '$'))
            {
                sb.Length = before + 1;
                i = after - 1;
                continue;
            }

            sb.Append('+');
        }

        return sb.ToString();
    }
}
