using System.Diagnostics;
using System.Net;
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
    public async Task AServerDeclaredSharedInTheConfigServesEverySessionFromOneChild()
    {
        TestPeers.RequireNodePackages();
        var token = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("vanguard-serve-share-").FullName;
        var config = Path.Combine(folder, "vanguard.yaml");
        var marker = $"share-check-{Guid.NewGuid():N}";
        await File.WriteAllTextAsync(config, $$"""
            servers:
              - id: everything
                command: node "{{TestPeers.EverythingServer}}" stdio {{marker}}
                share: true
                pool_size: 1
            """, token);
        using var vanguard = StartVanguard(["serve", "--config", config, "--port", "0", "--audit-log", Path.Combine(folder, "audit.jsonl")]);
        var url = await ServeListeningUrl.ReadAsync(vanguard, token);
        var clients = new List<McpClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                clients.Add(await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(url), TransportMode = HttpTransportMode.StreamableHttp }), cancellationToken: token));
            }

            for (var i = 0; i < clients.Count; i++)
            {
                var result = await clients[i].CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = $"session {i}" }, cancellationToken: token);
                Assert.Equal($"Echo: session {i}", StreamableHttpClientTests.Text(result));
            }

            Assert.Single(ProcFs.LiveServersWithCommandLine(marker));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }

            vanguard.Kill(entireProcessTree: true);
            await vanguard.WaitForExitAsync(CancellationToken.None);
        }
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

    [Fact(Timeout = 180_000)]
    public async Task TheRealProcessEnforcesTheSessionCapTheRateLimitAndTheGuessLimitAndAuditsFailures()
    {
        var token = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("vanguard-serve-auth-").FullName;
        var config = Path.Combine(folder, "vanguard.yaml");
        await File.WriteAllTextAsync(config, """
            auth:
              api_keys: [{name: ci, key_env: CI_KEY}]
              rate_limit: {requests_per_minute: 60, burst: 5}
              max_sessions_per_principal: 1
            """, token);
        var audit = Path.Combine(folder, "audit.jsonl");
        var server = $"node \"{TestPeers.Fixture("file-tools.js")}\"";
        using var vanguard = StartVanguard(["serve", "--config", config, "--port", "0", "--audit-log", audit, "--server", server], new() { ["CI_KEY"] = Key });
        var startup = new List<string>();
        var url = new Uri(await ServeListeningUrl.ReadAsync(vanguard, token, startup));
        Assert.DoesNotContain(startup, line => line.Contains("WARNING", StringComparison.Ordinal));
        using var http = new HttpClient { BaseAddress = new Uri(url, "/") };
        try
        {
            // The session cap: one session for 'ci', the second initialize is the caller's own 429.
            await Auth.GatewayCalls.InitializeAsync(http, ("X-API-Key", Key));
            using (var second = await Auth.GatewayCalls.PostAsync(http, RawHttp.Initialize, null, ("X-API-Key", Key)))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
                Assert.Contains("auth.max_sessions_per_principal", await second.Content.ReadAsStringAsync(token), StringComparison.Ordinal);
            }

            // The rate limit: the burst of 5 is spent by now or within these 30 requests.
            var limited = 0;
            for (var i = 0; i < 30; i++)
            {
                using var response = await Auth.GatewayCalls.PingAsync(http, ("X-API-Key", Key));
                limited += response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter is not null ? 1 : 0;
            }

            Assert.InRange(limited, 15, 30);

            // Guessing: 60 wrong keys end in 429, and each judged failure is audited with the address, never the key.
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 60; i++)
            {
                using var response = await Auth.GatewayCalls.PingAsync(http, ("X-API-Key", $"guess-{i:D4}-0123456789abcdef"));
                statuses.Add(response.StatusCode);
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
            Assert.True(await ProcFs.EventuallyAsync(() => File.Exists(audit) && File.ReadAllText(audit).Contains("AUTHN-001", StringComparison.Ordinal), TestPeers.Patience, token), "no AUTHN-001 record in the audit log");
            var failures = File.ReadAllLines(audit).Where(l => l.Contains("AUTHN-001", StringComparison.Ordinal)).ToList();
            Assert.All(failures, line => Assert.Contains("\"client\":\"127.0.0.1\"", line, StringComparison.Ordinal));
            Assert.DoesNotContain(failures, line => line.Contains("guess-", StringComparison.Ordinal));
        }
        finally
        {
            vanguard.Kill(entireProcessTree: true);
            await vanguard.WaitForExitAsync(CancellationToken.None);
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task OnLoopbackWithoutAuthItWarnsThatLocalPagesMayCallItAndAllowedOriginsEmptyIsStrict()
    {
        var token = TestContext.Current.CancellationToken;
        var server = $"node \"{TestPeers.Fixture("file-tools.js")}\"";
        var audit = Path.Combine(Path.GetTempPath(), $"vanguard-serve-test-{Guid.NewGuid():N}.jsonl");
        using (var open = StartVanguard(["serve", "--port", "0", "--audit-log", audit, "--server", server]))
        {
            var startup = new List<string>();
            await ServeListeningUrl.ReadAsync(open, token, startup);
            open.Kill(entireProcessTree: true);
            await open.WaitForExitAsync(token);
            Assert.Contains(startup, line => line.Contains("WARNING", StringComparison.Ordinal) && line.Contains("any web page", StringComparison.Ordinal) && line.Contains("allowed_origins: []", StringComparison.Ordinal));
        }

        var config = Path.Combine(Directory.CreateTempSubdirectory("vanguard-serve-origins-").FullName, "vanguard.yaml");
        await File.WriteAllTextAsync(config, "gateway:\n  allowed_origins: []\n", token);
        using var strict = StartVanguard(["serve", "--config", config, "--port", "0", "--audit-log", audit, "--server", server]);
        try
        {
            var startup = new List<string>();
            var url = new Uri(await ServeListeningUrl.ReadAsync(strict, token, startup));
            Assert.DoesNotContain(startup, line => line.Contains("WARNING", StringComparison.Ordinal));
            using var http = new HttpClient { BaseAddress = new Uri(url, "/") };
            using (var page = await Auth.GatewayCalls.PingAsync(http, ("Origin", "http://localhost:3000")))
            {
                Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            }

            using var own = await Auth.GatewayCalls.PingAsync(http, ("Origin", $"http://{url.Authority}"));
            await Auth.GatewayCalls.AssertReachedTheEndpointAsync(own);
        }
        finally
        {
            strict.Kill(entireProcessTree: true);
            await strict.WaitForExitAsync(CancellationToken.None);
            File.Delete(audit);
        }
    }

    private const string Key = "serve-key-0123456789abcdef";

    private static Process StartVanguard(IReadOnlyList<string> arguments, Dictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(TestPeers.VanguardProgram) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment ?? [])
        {
            info.Environment[name] = value;
        }

        foreach (var argument in TestPeers.VanguardArguments(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }
}
