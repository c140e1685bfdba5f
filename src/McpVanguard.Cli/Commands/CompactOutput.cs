namespace McpVanguard.Cli.Commands;

/// <summary>
/// Listings as one plain line per item instead of a table: when piped (whole lines, for grep), or on a terminal too
/// narrow for the table (lines fitted to the terminal's width, so nothing wraps into the next item's columns).
/// </summary>
internal static class CompactOutput
{
    private const string Indent = "    ";

    /// <summary>True when the listing should be plain lines: output piped, no console, or a terminal narrower than <paramref name="tableWidth"/>.</summary>
    public static bool Preferred(int tableWidth) => TerminalWidth() is not { } width || width < tableWidth;

    /// <summary>Writes one line, cut with an ellipsis to the terminal's width when stdout is a terminal; whole when piped.</summary>
    public static void WriteLine(string line)
        => Console.WriteLine(TerminalWidth() is { } width && line.Length > width ? string.Concat(line.AsSpan(0, Math.Max(width - 1, 0)), "…") : line);

    /// <summary>
    /// <paramref name="line"/> when it fits <paramref name="width"/> (or there is no width: piped); otherwise
    /// <paramref name="head"/>, then <paramref name="value"/> on indented lines cut at the width, so nothing is lost.
    /// </summary>
    public static IEnumerable<string> Fit(string line, string head, string value, int? width)
    {
        if (width is not { } columns || line.Length <= columns)
        {
            yield return line;
            yield break;
        }

        yield return head.Length <= columns ? head : head[..columns];
        var room = Math.Max(columns - Indent.Length, 1);
        for (var start = 0; start < value.Length; start += room)
        {
            yield return string.Concat(Indent, value.AsSpan(start, Math.Min(room, value.Length - start)));
        }
    }

    /// <summary>The terminal's width in columns, or null when stdout is piped or there is no console.</summary>
    public static int? TerminalWidth()
    {
        if (Console.IsOutputRedirected)
        {
            return null;
        }

        try
        {
            return Console.WindowWidth is > 0 and var width ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
