namespace McpVanguard.Scanning;

/// <summary>One place an MCP client keeps its server list.</summary>
/// <param name="Client">claude-desktop, claude-code, cursor, vscode or windsurf.</param>
public sealed record McpClientConfig(string Client, string Path);

/// <summary>Where Claude Desktop, Claude Code, Cursor, VS Code and Windsurf keep their MCP servers on Linux, macOS and Windows (user and project files).</summary>
public static class McpClientLocations
{
    public static readonly IReadOnlyList<string> Clients = ["claude-desktop", "claude-code", "cursor", "vscode", "windsurf"];

    /// <summary>Every candidate file, existing or not, in a stable order.</summary>
    /// <param name="home">The user's home directory.</param>
    /// <param name="configHome">The platform's per-user application settings folder: <c>%APPDATA%</c>, <c>~/Library/Application Support</c>, or <c>$XDG_CONFIG_HOME</c>/<c>~/.config</c>.</param>
    public static IReadOnlyList<McpClientConfig> Candidates(string home, string configHome, string workingDirectory) =>
    [
        new("claude-desktop", Path.Join(configHome, "Claude", "claude_desktop_config.json")),
        new("claude-code", Path.Join(home, ".claude.json")),
        new("claude-code", Path.Join(workingDirectory, ".mcp.json")),
        new("cursor", Path.Join(home, ".cursor", "mcp.json")),
        new("cursor", Path.Join(workingDirectory, ".cursor", "mcp.json")),
        new("vscode", Path.Join(configHome, "Code", "User", "mcp.json")),
        new("vscode", Path.Join(configHome, "Code", "User", "settings.json")),
        new("vscode", Path.Join(workingDirectory, ".vscode", "mcp.json")),
        new("windsurf", Path.Join(home, ".codeium", "windsurf", "mcp_config.json")),
    ];

    /// <summary>The candidates of this machine's user and <paramref name="workingDirectory"/> that exist.</summary>
    public static IReadOnlyList<McpClientConfig> Existing(string workingDirectory)
        => Candidates(Configuration.PlatformDirectories.Home, Configuration.PlatformDirectories.ApplicationSettingsHome(), workingDirectory)
            .Where(c => File.Exists(c.Path))
            .DistinctBy(c => c.Path, StringComparer.Ordinal)
            .ToList();

    /// <summary>The client a file belongs to, by its location or name (for a file named with <c>--config-file</c>).</summary>
    public static string Guess(string path)
    {
        var full = Path.GetFullPath(path).Replace('\\', '/');
        return full switch
        {
            _ when full.EndsWith("/claude_desktop_config.json", StringComparison.OrdinalIgnoreCase) => "claude-desktop",
            _ when full.EndsWith("/.claude.json", StringComparison.OrdinalIgnoreCase) || full.EndsWith("/.mcp.json", StringComparison.OrdinalIgnoreCase) => "claude-code",
            _ when full.Contains("/.cursor/", StringComparison.OrdinalIgnoreCase) => "cursor",
            _ when full.Contains("/windsurf/", StringComparison.OrdinalIgnoreCase) || full.EndsWith("/mcp_config.json", StringComparison.OrdinalIgnoreCase) => "windsurf",
            _ when full.Contains("/Code/", StringComparison.Ordinal) || full.Contains("/.vscode/", StringComparison.OrdinalIgnoreCase) => "vscode",
            _ => "unknown",
        };
    }
}
