namespace McpVanguard.Cli.Commands;

/// <summary>Whether a listing should print one plain line per item instead of a table: piped output, or a terminal too narrow for the table.</summary>
internal static class CompactOutput
{
    public static bool Preferred(int tableWidth)
    {
        if (Console.IsOutputRedirected)
        {
            return true;
        }

        try
        {
            return Console.WindowWidth < tableWidth;
        }
        catch (IOException)
        {
            // No console to ask: plain lines are always readable.
            return true;
        }
    }
}
