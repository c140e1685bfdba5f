namespace McpVanguard.Inspection.Shell;

/// <summary>
/// The path an interpreter call's first argument evaluates to, as far as literals tell: the home directory calls read as <c>~</c>
/// (<see cref="HomeDirectoryCalls"/>), literals joined by <c>os.path.join</c>, <c>/</c>, <c>+</c>, <c>..</c> or <c>*</c>, and one level of
/// variable (<c>p = os.path.expanduser('~/code'); shutil.rmtree(p)</c>). <c>rmSync(os.homedir() + '/projects')</c> is <c>~/projects</c>.
/// Linear in the code's length; null when the argument holds no literal and no home.
/// </summary>
internal static class CodePathArgument
{
    /// <summary>Longest assigned value read: a path is short, whatever surrounds it.</summary>
    private const int MaxExpression = 512;

    /// <summary>Evaluates the argument that starts at <paramref name="start"/> (just after the call's opening parenthesis).</summary>
    public static string? At(string code, int start)
    {
        var expression = ShellAnalyzer.FirstArgument(code, start, out _);
        if (IsIdentifier(expression) && AssignedValue(code, expression, start) is { } assigned)
        {
            expression = assigned;
        }

        return Evaluate(expression);
    }

    private static bool IsIdentifier(string s) =>
        s.Length is > 0 and < 64 && (char.IsAsciiLetter(s[0]) || s[0] is '_' or '$') && s.AsSpan(1).IndexOfAnyExcept(IdentifierChars) < 0;

    private static readonly System.Buffers.SearchValues<char> IdentifierChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$");

    /// <summary>The last value assigned to <paramref name="name"/> before <paramref name="before"/> (<c>name = …</c>, <c>name &lt;- …</c>).</summary>
    private static string? AssignedValue(string code, string name, int before)
    {
        string? value = null;
        for (var at = code.IndexOf(name, StringComparison.Ordinal); at >= 0 && at < before; at = code.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            if (at > 0 && (char.IsAsciiLetterOrDigit(code[at - 1]) || code[at - 1] is '_' or '.'))
            {
                continue;
            }

            var rest = code.AsSpan(at + name.Length).TrimStart();
            var skip = rest.StartsWith("<-") || rest.StartsWith(":=") ? 2 : rest.StartsWith("=") && !rest.StartsWith("==") ? 1 : 0;
            if (skip == 0)
            {
                continue;
            }

            var from = code.Length - rest.Length + skip;
            var end = code.IndexOfAny(['\n', ';'], from);
            value = code[from..(end < 0 ? Math.Min(code.Length, from + MaxExpression) : end)].Trim();
        }

        return value;
    }

    private static readonly string[] BareHomes = ["dir.home", "env['home']", "env[\"home\"]", "os.homedir"];

    /// <summary>Module loads whose literal names a module, not a path part: <c>require('os').homedir()</c>.</summary>
    private static readonly string[] ModuleLoads = ["require(", "__import__(", "import("];

    private static string? Evaluate(string expression)
    {
        var e = expression;
        foreach (var load in ModuleLoads)
        {
            for (var at = e.IndexOf(load, StringComparison.Ordinal); at >= 0; at = e.IndexOf(load, at, StringComparison.Ordinal))
            {
                var close = e.IndexOf(')', at);
                e = close < 0 ? e[..at] : e[..at] + e[(close + 1)..];
            }
        }

        e = HomeDirectoryCalls.AsLiterals(e, includeVariables: true);

        // Homes spelled without a call: Ruby's Dir.home, ENV['HOME'].
        foreach (var bare in BareHomes)
        {
            e = e.Replace(bare, "'~'", StringComparison.OrdinalIgnoreCase);
        }
        var path = new System.Text.StringBuilder();
        var lastEnd = -1;
        for (var i = 0; i < e.Length; i++)
        {
            var quote = e[i];
            if (quote is not ('\'' or '"' or '`'))
            {
                continue;
            }

            var close = e.IndexOf(quote, i + 1);
            if (close < 0)
            {
                break;
            }

            var literal = e[(i + 1)..close];
            if (path.Length > 0 && lastEnd >= 0)
            {
                // os.path.join('~', 'code'), Path.home() / 'code' and joinpath put a separator between parts; + .. * and . concatenate.
                var between = e.AsSpan(lastEnd + 1, i - lastEnd - 1);
                if (between.Contains(',') || between.Contains('/'))
                {
                    path.Append('/');
                }
            }

            path.Append(literal);
            lastEnd = close;
            i = close;
        }

        if (path.Length == 0)
        {
            return null;
        }

        // Interpolated homes ("$ENV{HOME}/code", `${os.homedir()}/code`) leave their own quotes and braces behind.
        var text = path.ToString().Replace("${", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal)
            .Replace("\"", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal);
        while (text.Contains("//", StringComparison.Ordinal))
        {
            text = text.Replace("//", "/", StringComparison.Ordinal);
        }

        return text;
    }
}
