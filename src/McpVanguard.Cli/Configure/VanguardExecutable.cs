namespace McpVanguard.Cli.Configure;

/// <summary>
/// The absolute command that runs this vanguard, for client configs: a GUI app does not have <c>~/.dotnet/tools</c> on
/// its PATH, so a bare <c>vanguard</c> fails there with ENOENT.
/// </summary>
internal static class VanguardExecutable
{
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
            : [process];
    }
}
