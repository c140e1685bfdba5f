using System.Net;
using McpVanguard.Configuration;

namespace McpVanguard.Gateway.Tests;

/// <summary>
/// Hundreds of sessions, each with its own stdio child, created and ended: no child may survive and no descriptor may
/// leak (every child costs two pipes, so a leak of even one per session would show as hundreds).
/// </summary>
public sealed class SessionChurnTests
{
    private const int Sessions = 300;

    /// <summary>
    /// Descriptors allowed above the baseline after the churn: the HTTP client's pooled connections (both ends live in this
    /// process), the runtime's own timers and thread-pool handles. A leak of one pipe per session would exceed it 30 times over.
    /// </summary>
    private const int DescriptorSlack = 20;

    [Fact(Timeout = 600_000)]
    public async Task ThreeHundredSessionsLeaveNoChildAndNoDescriptorBehind()
    {
        var token = TestContext.Current.CancellationToken;
        var server = TestPeers.Fixture("exits-on-call.js");
        await using var gateway = await GatewayHarness.StartAsync("churn", ["node", server], new Dictionary<string, object> { [ConfigurationKeys.ShutdownGraceMs] = "0" });
        using var http = new HttpClient();

        // Warm up first: the connection pool, Kestrel's and the runtime's lazily created handles belong in the baseline.
        await ChurnAsync(gateway, http, 5, token);
        Assert.True(await ProcFs.EventuallyAsync(() => ProcFs.LiveWithCommandLine(server).Count == 0, TimeSpan.FromSeconds(60), token), "warm-up children still running");
        var baseline = ProcFs.OpenDescriptors();

        await ChurnAsync(gateway, http, Sessions, token);

        var noChildren = await ProcFs.EventuallyAsync(() => ProcFs.LiveWithCommandLine(server).Count == 0, TimeSpan.FromSeconds(120), token);
        Assert.True(noChildren, $"children still running after {Sessions} sessions ended: {string.Join(", ", ProcFs.LiveWithCommandLine(server))}");
        Assert.Equal(0, gateway.Server.SessionCount);
        var settled = await ProcFs.EventuallyAsync(() => ProcFs.OpenDescriptors() <= baseline + DescriptorSlack, TimeSpan.FromSeconds(60), token);
        Assert.True(settled, $"open descriptors {ProcFs.OpenDescriptors()} did not return to the baseline {baseline} (+{DescriptorSlack})");
    }

    private static async Task ChurnAsync(GatewayHarness gateway, HttpClient http, int count, CancellationToken token)
    {
        for (var i = 0; i < count; i++)
        {
            var session = await RawHttp.InitializeAsync(http, gateway.Mcp, token);
            using var list = RawHttp.Post(gateway.Mcp, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", session);
            using var listed = await http.SendAsync(list, token);
            Assert.Equal(HttpStatusCode.OK, listed.StatusCode);

            using var delete = RawHttp.Request(HttpMethod.Delete, gateway.Mcp, session);
            using var deleted = await http.SendAsync(delete, token);
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
    }
}
