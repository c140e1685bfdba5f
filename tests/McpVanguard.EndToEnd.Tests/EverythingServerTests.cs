using ModelContextProtocol.Client;

namespace McpVanguard.EndToEnd;

/// <summary>The official C# SDK client → <c>vanguard start</c> → the real @modelcontextprotocol/server-everything.</summary>
[Trait("needs", "relay")]
public sealed class EverythingServerTests
{
    [Fact(Timeout = 60_000)]
    public async Task EchoPassesThroughUnchanged()
    {
        TestEnvironment.RequireNodePackages();
        var token = TestContext.Current.CancellationToken;
        await using var client = await McpClient.CreateAsync(
            TestEnvironment.VanguardTransport(["--profile", "balanced"], ["node", TestEnvironment.EverythingServer, "stdio"]),
            cancellationToken: token);

        // Non-ASCII, quotes, escapes and JSON-looking text: a relay that re-encodes would change something here.
        const string message = "héllo \"vanguard\" \\n ✓ 🛡 {\"a\":[1,2]} \u2028 end";
        var result = await client.CallToolAsync("echo", FilesystemServerTests.Args(("message", message)), cancellationToken: token);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("Echo: " + message, FilesystemServerTests.Text(result));
    }
}
