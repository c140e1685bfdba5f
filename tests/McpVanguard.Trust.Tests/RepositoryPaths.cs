namespace McpVanguard.Trust.Tests;

/// <summary>Finds files of the repository (conformance assets, node peers, the CLI build) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Conformance => Path.Combine(Root, "tests", "McpVanguard.Trust.Tests", "Conformance", "assets", "bundle-verify");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "McpVanguard.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root (McpVanguard.slnx) not found above " + AppContext.BaseDirectory);
    }
}
