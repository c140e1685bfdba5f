using McpVanguard.Gateway.Upstreams;
using McpVanguard.Protocol;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace McpVanguard.Gateway.Tests;

/// <summary>
/// A remote Streamable HTTP upstream (<c>--upstream-url</c>): the C# SDK client → gateway A → gateway B (a real Streamable
/// HTTP server, answering in JSON or SSE) → server-everything. A's upstream client must speak the transport in full.
/// </summary>
public sealed class RemoteUpstreamTests
{
    [Fact(Timeout = 180_000)]
    public async Task CallsProgressAndBlocksWorkThroughARemoteUpstream()
    {
        TestPeers.RequireNodePackages();
        var token = TestContext.Current.CancellationToken;
        await using var inner = await GatewayHarness.StartAsync("everything", TestPeers.Everything);
        var remote = new UpstreamDefinition("remote", null, inner.Mcp, new Dictionary<string, string> { ["X-Upstream-Credential"] = "configured-for-the-upstream" }, new Dictionary<string, string>());
        await using var outer = await GatewayHarness.StartAsync([remote]);
        await using var client = await outer.ConnectAsync(token);

        var tools = await client.ListToolsAsync(cancellationToken: token);
        Assert.Contains(tools, t => t.Name == "echo");
        var echo = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "two hops" }, cancellationToken: token);
        Assert.Contains("two hops", StreamableHttpClientTests.Text(echo));

        var updates = 0;
        var progress = new CountingProgress(() => Interlocked.Increment(ref updates));
        var longRun = await client.CallToolAsync("trigger-long-running-operation", new Dictionary<string, object?> { ["duration"] = 2, ["steps"] = 2 }, progress, cancellationToken: token);
        Assert.Contains("Long running operation completed", StreamableHttpClientTests.Text(longRun));
        // At least the first update (a second ahead of the response); the SDK client may drop the last one, which races
        // its response inside the client (see StreamableHttpClientTests).
        Assert.True(Volatile.Read(ref updates) >= 1, "no progress reached the client through two gateways");

        var refused = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("read_text_file", new Dictionary<string, object?> { ["path"] = "../../etc/passwd" }, cancellationToken: token).AsTask());
        Assert.Equal(JsonRpcErrorCodes.PolicyBlocked, (int)refused.ErrorCode);
        Assert.Contains(outer.Audit.Records, r => r.Verdict == "block" && r.ServerId == "remote");

        // The outer gateway's session owns one upstream session on the inner gateway; ending it ends that one too.
        Assert.Equal(1, inner.Server.SessionCount);
        await client.DisposeAsync();
        Assert.True(await ProcFs.EventuallyAsync(() => inner.Server.SessionCount == 0, TimeSpan.FromSeconds(30), token), "the upstream session was not ended with DELETE");
    }

    private sealed class CountingProgress(Action onReport) : IProgress<ModelContextProtocol.ProgressNotificationValue>
    {
        public void Report(ModelContextProtocol.ProgressNotificationValue value) => onReport();
    }
}
