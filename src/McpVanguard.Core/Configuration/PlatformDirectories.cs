namespace McpVanguard.Configuration;

/// <summary>
/// The per-user folders of this platform, read in one place: where settings and state live on Windows (roaming and
/// local AppData), macOS and Linux (the XDG base directories, honoured on macOS too for vanguard's own files).
/// </summary>
public static class PlatformDirectories
{
    /// <summary>The user's home directory.</summary>
    public static string Home => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary><c>%APPDATA%</c> on Windows, else <c>$XDG_CONFIG_HOME</c> or <c>~/.config</c>: where vanguard keeps its own settings.</summary>
    public static string ConfigHome()
        => OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData) : Xdg("XDG_CONFIG_HOME", ".config");

    /// <summary>Where desktop apps keep their settings: <c>~/Library/Application Support</c> on macOS, else <see cref="ConfigHome"/>.</summary>
    public static string ApplicationSettingsHome()
        => OperatingSystem.IsMacOS() ? Path.Join(Home, "Library", "Application Support") : ConfigHome();

    /// <summary><c>%LOCALAPPDATA%</c> on Windows, else <c>$XDG_STATE_HOME</c> or <c>~/.local/state</c>: audit log, pins and other state.</summary>
    public static string StateHome()
        => OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData) : Xdg("XDG_STATE_HOME", Path.Join(".local", "state"));

    /// <summary><c>%LOCALAPPDATA%</c> on Windows, else <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>: files vanguard can rebuild (the extracted embedded model).</summary>
    public static string CacheHome()
        => OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData) : Xdg("XDG_CACHE_HOME", ".cache");

    private static string Xdg(string variable, string underHome)
        => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : Path.Join(Home, underHome);
}
