namespace McpVanguard.Cli.Configure;

/// <summary>
/// The absolute command that runs this vanguard, for client configs: a GUI app does not have <c>~/.dotnet/tools</c> on
/// its PATH, so a bare <c>vanguard</c> fails there with ENOENT.
/// </summary>
internal static class VanguardExecutable
{
    private static readonly string StoreSegment = $"{Path.DirectorySeparatorChar}.store{Path.DirectorySeparatorChar}";

    /// <summary><paramref name="explicitPath"/> if given; the tool's own executable; or <c>dotnet</c> and this <c>vanguard.dll</c> when run through <c>dotnet</c>.</summary>
    public static IReadOnlyList<string> Command(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return [Path.GetFullPath(explicitPath)];
        }

        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of the running executable is unknown; pass --vanguard PATH");
        var name = Path.GetFileNameWithoutExtension(process);
        return name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? [process, Path.Join(AppContext.BaseDirectory, "vanguard.dll")]
            : [ToolCommandLink(process)];
    }

    /// <summary>
    /// A platform-specific tool package (the Native AOT linux-x64 one) runs from the versioned tool store,
    /// <c>TOOLS/.store/mcpvanguard/VERSION/…/vanguard</c>, through the symlink <c>TOOLS/vanguard</c>; the process path is
    /// the store's file, which <c>dotnet tool update</c> deletes. Configs get the link, which the update re-points.
    /// </summary>
    private static string ToolCommandLink(string process)
    {
        var store = process.LastIndexOf(StoreSegment, StringComparison.Ordinal);
        if (store < 0)
        {
            return process;
        }

        var link = Path.Join(process[..store], Path.GetFileName(process));
        try
        {
            var target = new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true);
            return target is not null && string.Equals(target.FullName, process, StringComparison.Ordinal) ? link : process;
        }
        catch (IOException)
        {
            return process;
        }
    }
}
