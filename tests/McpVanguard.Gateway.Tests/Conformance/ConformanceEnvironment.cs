using System.Net;
using System.Net.Sockets;

namespace McpVanguard.Gateway.Tests.Conformance;

/// <summary>
/// Where the conformance parts are: the suite and Node 22 in tests/conformance/node_modules (installed by
/// scripts/install-conformance-deps.sh), the target server and vanguard.dll copied next to the tests by project references.
/// </summary>
internal static class ConformanceEnvironment
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Node22 => Path.Combine(RepositoryRoot, "tests", "conformance", "node_modules", ".bin", "node");

    public static string Suite => Path.Combine(
        RepositoryRoot, "tests", "conformance", "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js");

    public static string TargetDll { get; } = Path.Combine(AppContext.BaseDirectory, "McpVanguard.ConformanceServer.dll");

    public static string VanguardDll { get; } = Path.Combine(AppContext.BaseDirectory, "vanguard.dll");

    /// <summary>Skips the calling test with the fix in the message when the suite is not installed.</summary>
    public static void RequireSuite()
    {
        if (!File.Exists(Node22) || !File.Exists(Suite))
        {
            Assert.Skip($"the MCP conformance suite is not installed under tests/conformance; run scripts/install-conformance-deps.sh");
        }
    }

    /// <summary>A loopback port that was free a moment ago (the OS picks it).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
