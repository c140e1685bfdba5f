namespace McpVanguard.Inspection;

/// <summary>Decides which arguments hold paths, commands or URLs, from their key names (and tool names) and shapes.</summary>
public static class ArgumentRoles
{
    /// <summary>True for keys such as <c>path</c>, <c>file</c>, <c>source</c>, <c>destination</c>, <c>directory</c>.</summary>
    public static bool IsPathKey(string key)
    {
        var k = key.ToLowerInvariant();
        return k.Contains("path") || k.Contains("file") || k.Contains("dir") || k.Contains("folder")
            || k is "source" or "src" or "destination" or "dest" or "dst" or "target" or "root" or "location" or "cwd" or "paths";
    }
}
