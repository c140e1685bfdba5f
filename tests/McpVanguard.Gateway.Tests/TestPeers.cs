namespace McpVanguard.Gateway.Tests;

/// <summary>Where the real peers are: the Node reference servers installed by scripts/install-test-deps.sh, and the built CLI.</summary>
internal static class TestPeers
{
    /// <summary>Generous on purpose: a first call pays for Node start-up on a busy 2-core machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string NodeModules => Path.Combine(RepositoryRoot, "tests", "node", "node_modules");

    public static string EverythingServer => Path.Combine(NodeModules, "@modelcontextprotocol", "server-everything", "dist", "index.js");

    public static string FilesystemServer => Path.Combine(NodeModules, "@modelcontextprotocol", "server-filesystem", "dist", "index.js");

    public static string Fixture(string name) => Path.Combine(RepositoryRoot, "tests", "node", "fixtures", name);

    /// <summary>
    /// The CLI as built in its own output folder: the copy next to these tests would run with this project's dependency
    /// set, in which the ASP.NET Core framework replaces the Microsoft.Extensions packages the CLI's manifest names.
    /// </summary>
    public static string VanguardDll { get; } = FindVanguardDll();

    /// <summary>
    /// The native <c>vanguard</c> under test when <c>MCPVANGUARD_TEST_BINARY</c> names one (a Native AOT or single-file
    /// publish): every test that launches the CLI then runs it instead of <c>dotnet vanguard.dll</c>. Unset by default.
    /// </summary>
    public static string? VanguardBinary { get; } = Environment.GetEnvironmentVariable("MCPVANGUARD_TEST_BINARY") is { Length: > 0 } binary
        ? Path.GetFullPath(binary)
        : null;

    /// <summary>The program that runs the CLI: the native binary under test, or <c>dotnet</c>.</summary>
    public static string VanguardProgram => VanguardBinary ?? "dotnet";

    /// <summary>The arguments of <see cref="VanguardProgram"/> for <c>vanguard ARGUMENTS</c> (<c>vanguard.dll</c> first under dotnet).</summary>
    public static IReadOnlyList<string> VanguardArguments(params IEnumerable<string> arguments) =>
        VanguardBinary is null ? [VanguardDll, .. arguments] : [.. arguments];

    public static IReadOnlyList<string> Everything => ["node", EverythingServer, "stdio"];

    public static IReadOnlyList<string> Filesystem(string root) => ["node", FilesystemServer, root];

    /// <summary>Skips the calling test with the fix in the message when the npm peers are not installed.</summary>
    public static void RequireNodePackages()
    {
        if (!File.Exists(EverythingServer) || !File.Exists(FilesystemServer))
        {
            Assert.Skip($"the MCP reference servers are not installed under {NodeModules}; run scripts/install-test-deps.sh");
        }
    }

    private static string FindVanguardDll()
    {
        // bin/<Configuration>/<tfm>/ of this project maps onto the same folders of the CLI project.
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfm.Parent!.Name;
        return Path.Combine(RepositoryRoot, "src", "McpVanguard.Cli", "bin", configuration, tfm.Name, "vanguard.dll");
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "McpVanguard.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no McpVanguard.slnx above {AppContext.BaseDirectory}");
    }
}
