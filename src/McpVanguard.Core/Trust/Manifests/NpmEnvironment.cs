namespace McpVanguard.Core.Trust.Manifests;

/// <summary>
/// Where npm keeps what a launcher runs, read once from the process environment by the configuration layer
/// (<see cref="FromEnvironment"/>): the working directory the server starts in, npm's cache (whose <c>_npx</c> folder
/// holds what npx installed) and the global prefix.
/// </summary>
public sealed record NpmEnvironment(string WorkingDirectory, string Cache, string? GlobalPrefix)
{
    /// <summary>npm's own defaults, overridden by <c>npm_config_cache</c> and <c>npm_config_prefix</c> as npm reads them.</summary>
    /// <param name="variables">The process environment.</param>
    /// <param name="workingDirectory">The directory the server is started in.</param>
    public static NpmEnvironment FromEnvironment(IReadOnlyDictionary<string, string> variables, string workingDirectory)
    {
        string? Variable(string name) => variables.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value ? value : null;
        var home = Variable(OperatingSystem.IsWindows() ? "USERPROFILE" : "HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var cache = Variable("npm_config_cache")
            ?? (OperatingSystem.IsWindows() && Variable("LOCALAPPDATA") is { } local ? Path.Join(local, "npm-cache") : Path.Join(home, ".npm"));
        return new NpmEnvironment(workingDirectory, cache, Variable("npm_config_prefix") ?? NodePrefix(Variable("PATH")));
    }

    /// <summary>npm's default global prefix: the folder above the one holding <c>node</c> (<c>/usr</c> for <c>/usr/bin/node</c>).</summary>
    private static string? NodePrefix(string? path)
    {
        foreach (var folder in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var node = Path.Join(folder, OperatingSystem.IsWindows() ? "node.exe" : "node");
            if (File.Exists(node))
            {
                var real = new FileInfo(node).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(node);
                return OperatingSystem.IsWindows() ? Path.GetDirectoryName(real) : Path.GetDirectoryName(Path.GetDirectoryName(real));
            }
        }

        return null;
    }
}
