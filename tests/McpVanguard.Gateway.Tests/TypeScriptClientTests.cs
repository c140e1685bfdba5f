using System.Diagnostics;
using System.Text.Json;
using McpVanguard.Protocol;

namespace McpVanguard.Gateway.Tests;

/// <summary>The official TypeScript SDK client (tests/node/fixtures/gateway-client.mjs) over Streamable HTTP through the gateway.</summary>
public sealed class TypeScriptClientTests
{
    [Fact(Timeout = 120_000)]
    public async Task ListsCallsIsBlockedAndEndsItsSession()
    {
        TestPeers.RequireNodePackages();
        var token = TestContext.Current.CancellationToken;
        await using var gateway = await GatewayHarness.StartAsync("everything", TestPeers.Everything);

        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(TestPeers.Fixture("gateway-client.mjs"));
        info.ArgumentList.Add(gateway.Mcp.ToString());
        using var client = Process.Start(info)!;
        var stdout = client.StandardOutput.ReadToEndAsync(token);
        var stderr = client.StandardError.ReadToEndAsync(token);
        await client.WaitForExitAsync(token);
        Assert.True(client.ExitCode == 0, $"the TypeScript client failed: {await stderr}");

        using var seen = JsonDocument.Parse(await stdout);
        var root = seen.RootElement;
        Assert.Contains(root.GetProperty("tools").EnumerateArray(), t => t.GetString() == "echo");
        Assert.Contains("hello from typescript", root.GetProperty("echo").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonRpcErrorCodes.PolicyBlocked, root.GetProperty("blocked").GetProperty("code").GetInt32());
        Assert.True(await ProcFs.EventuallyAsync(() => gateway.Server.SessionCount == 0, TimeSpan.FromSeconds(30), token), "the session was not ended by the client's DELETE");
    }
}
