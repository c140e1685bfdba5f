namespace McpVanguard.Cli.Commands;

/// <summary>A command's description followed by worked examples: help that shows how, not only what.</summary>
internal static class HelpText
{
    /// <summary><paramref name="description"/>, a blank line, then each example on its own indented line.</summary>
    public static string With(string description, params string[] examples)
        => examples.Length == 0 ? description : $"{description}\n\nExamples:\n{string.Join('\n', examples.Select(e => "  " + e))}";
}

/// <summary>The text of <c>vanguard --help</c>: what vanguard is and the first steps in order.</summary>
internal static class RootHelp
{
    public const string Description = """
        McpVanguard: a security proxy and firewall for the Model Context Protocol.

        First steps:
          vanguard demo                                 see attacks blocked, nothing to set up
          vanguard init                                 write a commented vanguard.yaml
          vanguard configure --all --dry-run            preview wrapping your MCP clients' servers
          vanguard configure --all                      wrap them (backups kept; --undo restores)
          vanguard doctor                               check the installation and deployment
          vanguard start -- npx -y @modelcontextprotocol/server-filesystem ~/projects
        """;
}
