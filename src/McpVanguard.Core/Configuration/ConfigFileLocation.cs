namespace McpVanguard.Configuration;

/// <summary>Which vanguard.yaml a command reads and the rule that chose it (printed at start, so nobody guesses).</summary>
/// <param name="Path">The file, or null when no rule found one (built-in defaults apply).</param>
/// <param name="Rule">How it was found: <c>--config</c>, <c>VANGUARD_CONFIG</c>, <c>user config directory</c>, <c>working directory</c> or <c>none</c>.</param>
public sealed record ConfigFileLocation(string? Path, string Rule)
{
    public const string FromOption = "--config";
    public const string FromEnvironment = "VANGUARD_CONFIG";
    public const string FromUserDirectory = "user config directory";
    public const string FromWorkingDirectory = "working directory";
    public const string NotFound = "none";

    /// <summary>
    /// The explicit rule: <c>--config</c>, then <c>VANGUARD_CONFIG</c>, then the user config directory, then the working
    /// directory. An explicit file that does not exist is an error, never a silent fall-through to the next rule.
    /// </summary>
    public static ConfigFileLocation Find(string? explicitPath, IReadOnlyDictionary<string, string> environment, string userConfigDirectory, string workingDirectory)
    {
        if (explicitPath is not null)
        {
            return Existing(explicitPath, FromOption);
        }

        if (environment.GetValueOrDefault("VANGUARD_CONFIG") is { Length: > 0 } fromEnvironment)
        {
            return Existing(fromEnvironment, FromEnvironment);
        }

        var user = System.IO.Path.Join(userConfigDirectory, ConfigurationLoader.DefaultFileName);
        if (File.Exists(user))
        {
            return new ConfigFileLocation(System.IO.Path.GetFullPath(user), FromUserDirectory);
        }

        var local = System.IO.Path.Join(workingDirectory, ConfigurationLoader.DefaultFileName);
        return File.Exists(local) ? new ConfigFileLocation(System.IO.Path.GetFullPath(local), FromWorkingDirectory) : new ConfigFileLocation(null, NotFound);
    }

    /// <summary>
    /// Where <c>vanguard init</c> writes and the third rule looks: <c>$XDG_CONFIG_HOME/mcp-vanguard</c> (or
    /// <c>~/.config/mcp-vanguard</c>) on Linux and macOS, <c>%APPDATA%\mcp-vanguard</c> on Windows.
    /// </summary>
    public static string UserConfigDirectory() => System.IO.Path.Join(PlatformDirectories.ConfigHome(), "mcp-vanguard");

    private static ConfigFileLocation Existing(string path, string rule)
        => File.Exists(path)
            ? new ConfigFileLocation(System.IO.Path.GetFullPath(path), rule)
            : throw new ConfigurationException($"Config file '{path}' (from {rule}) does not exist.");

    /// <summary>"PATH (from RULE)" or "none (built-in defaults)", for the start-up line and <c>config show</c>.</summary>
    public override string ToString() => Path is null ? "none (built-in defaults)" : $"{Path} (from {Rule})";
}
