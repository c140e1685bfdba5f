namespace McpVanguard.Semantic.Tests;

/// <summary>Finds files of the repository (the head's data) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SemanticData => Path.Combine(Root, "semantic", "data");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "McpVanguard.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (McpVanguard.slnx) not found above " + AppContext.BaseDirectory);
    }
}
