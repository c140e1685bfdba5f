namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Whether a command line is PowerShell or cmd.exe rather than a POSIX shell — it names a cmdlet (Verb-Noun), an <c>$env:</c> or
/// <c>%VARIABLE%</c> home, or a drive path — so its backslashes are path separators, not escapes.
/// </summary>
internal static class WindowsCommandLine
{
    /// <summary>Spellings only Windows shells use; case-insensitive substrings, linear to search.</summary>
    private static readonly string[] Markers =
    [
        "$env:", "%userprofile%", "%homepath%", "%appdata%", "%localappdata%", "%systemroot%", "c:\\", "d:\\", "-item ", "-item\t", "-childitem", "-content", "-location", "-itemproperty", "-object ", "-process", "-webrequest", "-restmethod",
        "-expression", "-acl", "-service", "-psdrive",
    ];

    public static bool IsLikely(string text)
    {
        foreach (var marker in Markers)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
