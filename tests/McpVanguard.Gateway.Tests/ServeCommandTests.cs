using System.Diagnostics;
using McpVanguard.Testing;
using ModelContextProtocol.Client;

namespace McpVanguard.Gateway.Tests;

/// <summary>The real <c>vanguard serve</c> process (the built CLI), reached by the C# SDK client, stopped by a signal.</summary>
public sealed class ServeCommandTests
{
    [Fact(Timeout = 180_000)]
    public async Task ServesPrintsItsUrlAndStopsCleanlyOnSigterm()
    {
        TestPeers.RequireNodePackages();
        var token = TestContext.Current.CancellationToken;
        var audit = Path.Combine(Path.GetTempPath(), $"vanguard-serve-test-{Guid.NewGuid():N}.jsonl");
        var server = $"node \"{TestPeers.EverythingServer}\" stdio";
        using var vanguard = StartVanguard(["serve", "--port", "0", "--audit-log", audit, "--server", server]);
        var url = await ServeListeningUrl.ReadAsync(vanguard, token);

        await using (var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(url), TransportMode = HttpTransportMode.StreamableHttp }), cancellationToken: token))
        {
            var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "via the real cli" }, cancellationToken: token);
            Assert.Contains("via the real cli", StreamableHttpClientTests.Text(result));
            Assert.NotEmpty(ProcFs.LiveWithCommandLine(TestPeers.EverythingServer));

            // Stopped with the session still open: the gateway must end it and kill its child.
            using (var kill = Process.Start("kill", ["-TERM", vanguard.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(token);
            }

            await vanguard.WaitForExitAsync(token);
        }

        Assert.Equal(0, vanguard.ExitCode);
        Assert.True(await ProcFs.EventuallyAsync(() => ProcFs.LiveWithCommandLine(TestPeers.EverythingServer).Count == 0, TimeSpan.FromSeconds(30), token), "server-everything outlived vanguard serve");
        File.Delete(audit);
    }

    [Fact(Timeout = 180_000)]
    public async Task SigkillOfServeLeavesNoChildOrGrandchildOfAnySession()
    {
        var token = TestContext.Current.CancellationToken;
        const int Sessions = 3;
        var marker = $"serve-orphan-check-{Guid.NewGuid():N}";
        var audit = Path.Combine(Path.GetTempPath(), $"vanguard-serve-test-{Guid.NewGuid():N}.jsonl");

        // The fixture ignores its stdin closing and SIGTERM, and starts a grandchild; both carry the marker in their command line.
        var server = $"node \"{TestPeers.Fixture("ignores-stdin-close.js")}\" {marker}";
        using var vanguard = StartVanguard(["serve", "--port", "0", "--audit-log", audit, "--server", server]);
        var url = await ServeListeningUrl.ReadAsync(vanguard, token);
        var clients = new List<McpClient>();
        try
        {
            for (var i = 0; i < Sessions; i++)
            {
                clients.Add(await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(url), TransportMode = HttpTransportMode.StreamableHttp }), cancellationToken: token));
            }

            // Each session's server and its grandchild (and any warm spare) carry the marker.
            Assert.True(await ProcFs.EventuallyAsync(() => ProcFs.LiveWithCommandLine(marker).Count >= 2 * Sessions, TestPeers.Patience, token),
                $"expected at least {2 * Sessions} marked processes, found {ProcFs.LiveWithCommandLine(marker).Count}");

            vanguard.Kill();
            await vanguard.WaitForExitAsync(token);

            var gone = await ProcFs.EventuallyAsync(() => ProcFs.LiveWithCommandLine(marker).Count == 0, TimeSpan.FromSeconds(30), token);
            var survivors = ProcFs.LiveWithCommandLine(marker);
            foreach (var pid in survivors)
            {
                // Clean up after a failure so the orphans do not outlive the test run.
                Process.GetProcessById(pid).Kill();
            }

            Assert.True(gone, $"{survivors.Count} processes of the sessions' trees outlived SIGKILL of vanguard serve");
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }

            File.Delete(audit);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task StrictRefusesAPublicAddressWithoutAuthentication()
    {
        var token = TestContext.Current.CancellationToken;
        using var vanguard = StartVanguard(["serve", "--profile", "strict", "--host", "0.0.0.0", "--port", "0", "--server", "node does-not-matter.js"]);
        var stderr = await vanguard.StandardError.ReadToEndAsync(token);
        await vanguard.WaitForExitAsync(token);

        Assert.Equal(2, vanguard.ExitCode);
        Assert.Contains("without authentication", stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task SseIsAnAliasOfServe()
    {
        var token = TestContext.Current.CancellationToken;
        using var vanguard = StartVanguard(["sse", "--help"]);
        var stdout = await vanguard.StandardOutput.ReadToEndAsync(token);
        await vanguard.WaitForExitAsync(token);

        Assert.Equal(0, vanguard.ExitCode);
        Assert.Contains("--upstream-url", stdout, StringComparison.Ordinal);
    }

    private static Process StartVanguard(IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(TestPeers.VanguardDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }
}
