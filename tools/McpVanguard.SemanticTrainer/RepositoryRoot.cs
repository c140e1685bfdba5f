namespace McpVanguard.SemanticTrainer;

/// <summary>Finds the repository (the directory holding McpVanguard.slnx) from the working directory up.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "McpVanguard.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("run this from inside the McpVanguard repository");
    }
}
