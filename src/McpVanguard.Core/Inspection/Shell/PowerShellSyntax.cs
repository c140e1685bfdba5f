namespace McpVanguard.Inspection.Shell;

/// <summary>Whether a command line is PowerShell rather than a POSIX shell: it names a cmdlet (Verb-Noun) or an <c>$env:</c> variable.</summary>
internal static class PowerShellSyntax
{
    /// <summary>Nouns and prefixes only PowerShell spells this way; case-insensitive substrings, linear to search.</summary>
    private static readonly string[] Markers =
    [
        "$env:", "-item ", "-item\t", "-childitem", "-content", "-location", "-itemproperty", "-object ", "-process", "-webrequest", "-restmethod",
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
