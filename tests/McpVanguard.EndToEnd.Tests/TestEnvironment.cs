using ModelContextProtocol.Client;

namespace McpVanguard.EndToEnd;

/// <summary>
/// Where the real parts are: the built <c>vanguard.dll</c> (copied next to the tests by the project
/// reference) and the Node peers that scripts/install-test-deps.sh puts in tests/node/node_modules.
/// </summary>
internal static class TestEnvironment
{
    /// <summary>Generous on purpose: a first call pays for .NET and Node start-up on a busy 2-core machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static string VanguardDll { get; } = Path.Combine(AppContext.BaseDirectory, "vanguard.dll");

    /// <summary>
    /// The native <c>vanguard</c> under test when <c>MCPVANGUARD_TEST_BINARY</c> names one (a Native AOT or single-file
    /// publish): every test that launches vanguard then runs it instead of <c>dotnet vanguard.dll</c>. Unset by default.
    /// </summary>
    public static string? VanguardBinary { get; } = Environment.GetEnvironmentVariable("MCPVANGUARD_TEST_BINARY") is { Length: > 0 } binary
        ? Path.GetFullPath(binary)
        : null;

    /// <summary>The program that runs vanguard: the native binary under test, or <c>dotnet</c>.</summary>
    public static string VanguardProgram => VanguardBinary ?? "dotnet";

    /// <summary>The arguments of <see cref="VanguardProgram"/> for <c>vanguard ARGUMENTS</c> (<c>vanguard.dll</c> first under dotnet).</summary>
    public static IReadOnlyList<string> VanguardArguments(params IEnumerable<string> arguments) =>
        VanguardBinary is null ? [VanguardDll, .. arguments] : [.. arguments];

    /// <summary>How a <c>sh -c</c> command line runs vanguard (single-quoted paths).</summary>
    public static string VanguardShellCommand => VanguardBinary is null ? $"dotnet '{VanguardDll}'" : $"'{VanguardBinary}'";

    /// <summary>The whole command line of <c>vanguard ARGUMENTS</c>, program first.</summary>
    public static IReadOnlyList<string> VanguardCommand(params IEnumerable<string> arguments) => [VanguardProgram, .. VanguardArguments(arguments)];

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// The McpVanguard.Full tool (vanguard with the embedded L2 model), built by the solution beside the default one: the
    /// same configuration as these tests (its 290 MB of model and runtimes are not copied next to every test project).
    /// </summary>
    public static string VanguardFullDll { get; } = Path.Combine(
        RepositoryRoot, "src", "McpVanguard.Full", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, new DirectoryInfo(AppContext.BaseDirectory).Name, "vanguard-full.dll");

    public static string NodeModules => Path.Combine(RepositoryRoot, "tests", "node", "node_modules");

    public static string FilesystemServer => Path.Combine(NodeModules, "@modelcontextprotocol", "server-filesystem", "dist", "index.js");

    public static string EverythingServer => Path.Combine(NodeModules, "@modelcontextprotocol", "server-everything", "dist", "index.js");

    /// <summary>A plain-Node script from tests/node/fixtures (no npm packages needed).</summary>
    public static string NodeFixture(string name) => Path.Combine(RepositoryRoot, "tests", "node", "fixtures", name);

    /// <summary>Skips the calling test with the fix in the message when the npm peers are not installed.</summary>
    public static void RequireNodePackages()
    {
        if (!File.Exists(FilesystemServer) || !File.Exists(EverythingServer))
        {
            Assert.Skip($"the official MCP reference servers are not installed under {NodeModules}; run scripts/install-test-deps.sh");
        }
    }

    /// <summary>The arguments of <see cref="VanguardProgram"/> for <c>vanguard start OPTIONS -- SERVER...</c>.</summary>
    public static IReadOnlyList<string> StartArguments(IEnumerable<string> startOptions, IEnumerable<string> server) =>
        VanguardArguments(["start", .. startOptions, "--", .. server]);

    /// <summary>The command line of the bundled demo server, run from the same build as vanguard.</summary>
    public static IReadOnlyList<string> DemoServer(string root) => VanguardCommand("demo-server", "--root", root);

    /// <summary>An official SDK client transport that launches vanguard in front of <paramref name="server"/>.</summary>
    public static StdioClientTransport VanguardTransport(IEnumerable<string> startOptions, IEnumerable<string> server, Action<string>? stderr = null) =>
        new(new StdioClientTransportOptions
        {
            Name = "vanguard",
            Command = VanguardProgram,
            Arguments = [.. StartArguments(startOptions, server)],
            StandardErrorLines = stderr,
        });

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
