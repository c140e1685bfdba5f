using System.Net;
using System.Net.Sockets;

namespace McpVanguard.Gateway.Tests.Conformance;

/// <summary>
/// Where the conformance parts are: the suite and Node 22 in tests/conformance/node_modules (installed by
/// scripts/install-conformance-deps.sh) and the target server, copied next to the tests by a project reference.
/// </summary>
internal static class ConformanceEnvironment
{
    public static string Node22 => Path.Combine(TestPeers.RepositoryRoot, "tests", "conformance", "node_modules", ".bin", "node");

    public static string Suite => Path.Combine(
        TestPeers.RepositoryRoot, "tests", "conformance", "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js");

    public static string TargetDll { get; } = Path.Combine(AppContext.BaseDirectory, "McpVanguard.ConformanceServer.dll");

    /// <summary>Skips the calling test with the fix in the message when the suite is not installed.</summary>
    public static void RequireSuite()
    {
        if (!File.Exists(Node22) || !File.Exists(Suite))
        {
            Assert.Skip($"the MCP conformance suite is not installed under tests/conformance; run scripts/install-conformance-deps.sh");
        }
    }

}
