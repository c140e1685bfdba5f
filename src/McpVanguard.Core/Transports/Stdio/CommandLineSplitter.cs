using System.Text;

namespace McpVanguard.Transports.Stdio;

/// <summary>Splits a <c>--server "cmd arg 'two words'"</c> string into a program and its arguments, POSIX-shell style (no expansion).</summary>
public static class CommandLineSplitter
{
    /// <summary>The inverse of <see cref="Split"/>: one line that splits back into <paramref name="argv"/> (single-quoting what needs it).</summary>
    public static string Join(IEnumerable<string> argv)
        => string.Join(' ', argv.Select(static a => a.Length > 0 && a.All(static c => char.IsAsciiLetterOrDigit(c) || "-_./:=@%+,".Contains(c))
            ? a
            : "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));

    public static IReadOnlyList<string> Split(string commandLine)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '\\' && quote == '"' && i + 1 < commandLine.Length && commandLine[i + 1] is '"' or '\\' or '$' or '`')
                {
                    current.Append(commandLine[++i]);
                }
                else
                {
                    current.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    inWord = true;
                    break;
                case '\\' when i + 1 < commandLine.Length:
                    current.Append(commandLine[++i]);
                    inWord = true;
                    break;
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord)
                    {
                        parts.Add(current.ToString());
                        current.Clear();
                        inWord = false;
                    }

                    break;
                default:
                    current.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (quote != '\0')
        {
            throw new FormatException("Unterminated quote in the server command line.");
        }

        if (inWord)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }
}
