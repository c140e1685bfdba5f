using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpVanguard.EndToEnd;

/// <summary>The real <c>vanguard scan</c> against the malicious test server and the official reference servers.</summary>
[Trait("needs", "relay")]
public sealed class ScanTests : IDisposable
{
    /// <summary>A scan starts vanguard, builds the rules and starts every server: generous on a busy 2-core machine.</summary>
    private static readonly TimeSpan ScanPatience = TimeSpan.FromMinutes(3);

    private readonly TemporaryFolder _folder = new("vanguard-e2e-scan-");

    public void Dispose() => _folder.Dispose();

    private string PinsFile => _folder.File("pins.json");

    [Fact(Timeout = 240_000)]
    public async Task MaliciousServerScanExitsOneNamesThePoisonedToolAndWritesValidSarif()
    {
        var token = TestContext.Current.CancellationToken;
        var sarifPath = _folder.File("scan.sarif");

        var (exitCode, stdout, stderr) = await ScanAsync(["--server", Line(MaliciousServerTests.MaliciousServer), "--json", "--sarif", sarifPath], token);

        Assert.True(exitCode == 1, $"exit {exitCode}\n{stdout}\n{stderr}");
        var server = Assert.Single(Servers(stdout, stderr));
        Assert.Null(server["error"]);
        Assert.Equal(6, (int)server["tools"]!);
        var findings = server["findings"]!.AsArray();
        Assert.Contains(findings, f => (string?)f!["item"] == "fetch_weather" && (string?)f["level"] == "error");
        Assert.DoesNotContain(findings, f => (string?)f!["item"] == "add");

        var sarif = JsonNode.Parse(File.ReadAllText(sarifPath))!;
        Assert.Equal("2.1.0", (string?)sarif["version"]);
        var run = Assert.Single(sarif["runs"]!.AsArray())!;
        Assert.Equal("McpVanguard", (string?)run["tool"]!["driver"]!["name"]);
        var ruleIds = run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
        var results = run["results"]!.AsArray();
        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            Assert.Contains((string)r!["ruleId"]!, ruleIds);
            Assert.Equal((string)r["ruleId"]!, ruleIds[(int)r["ruleIndex"]!]);
            Assert.Contains((string)r["level"]!, (string[])["error", "warning", "note"]);
            Assert.False(string.IsNullOrEmpty((string?)r["message"]!["text"]));
            Assert.NotEmpty(r["locations"]![0]!["logicalLocations"]!.AsArray());
        });
        Assert.Contains(results, r => ((string?)r!["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"])?.EndsWith("/fetch_weather", StringComparison.Ordinal) == true);
    }

    [Fact(Timeout = 240_000)]
    public async Task StreamableHttpServerIsScannedByUrl()
    {
        var token = TestContext.Current.CancellationToken;
        await using var server = PipedProcess.Start("dotnet", [MaliciousServerTests.MaliciousServer[1], "--http", "0"]);
        server.CloseStdin();
        var url = await ReadUrlAsync(server, token);

        var (exitCode, stdout, stderr) = await ScanAsync(["--url", url, "--json"], token);

        Assert.True(exitCode == 1, $"exit {exitCode}\n{stdout}\n{stderr}");
        var scanned = Assert.Single(Servers(stdout, stderr));
        Assert.Equal("vanguard-malicious-test-server", (string?)scanned["server_name"]);
        Assert.Equal(6, (int)scanned["tools"]!);
        Assert.Contains(scanned["findings"]!.AsArray(), f => (string?)f!["item"] == "fetch_weather");
    }

    [Fact(Timeout = 240_000)]
    public async Task ScanAgainstAnApprovedBaselineReportsTheDriftedTool()
    {
        var token = TestContext.Current.CancellationToken;
        var baseline = _folder.File("baseline.json");
        var identity = Line(MaliciousServerTests.MaliciousServer) + " | vanguard-malicious-test-server";
        File.WriteAllText(baseline, new JsonObject
        {
            ["version"] = 1,
            ["servers"] = new JsonObject
            {
                [identity] = new JsonObject
                {
                    ["upstream"] = Line(MaliciousServerTests.MaliciousServer),
                    ["server_name"] = "vanguard-malicious-test-server",
                    ["tools"] = new JsonObject
                    {
                        // Approved when it had another definition: what the server offers now is drift.
                        ["add"] = new JsonObject { ["sha256"] = new string('0', 64), ["definition"] = null, ["pinned"] = "2026-01-01T00:00:00+00:00" },
                    },
                },
            },
        }.ToJsonString());

        var (exitCode, stdout, stderr) = await ScanAsync(["--server", Line(MaliciousServerTests.MaliciousServer), "--json", "--pins-baseline", baseline], token);

        Assert.True(exitCode == 1, $"exit {exitCode}\n{stdout}\n{stderr}");
        var findings = Assert.Single(Servers(stdout, stderr))["findings"]!.AsArray();
        Assert.Contains(findings, f => (string?)f!["rule_id"] == "PIN-001" && (string?)f["item"] == "add");
        Assert.False(File.Exists(PinsFile), "scan must never write the pin file");
    }

    [Fact(Timeout = 300_000)]
    public async Task OfficialReferenceServersScanClean()
    {
        TestEnvironment.RequireNodePackages();
        var token = TestContext.Current.CancellationToken;
        var root = _folder.File("files");
        Directory.CreateDirectory(root);
        var memory = Path.Combine(TestEnvironment.NodeModules, "@modelcontextprotocol", "server-memory", "dist", "index.js");
        var config = WriteClaudeConfig(new JsonObject
        {
            ["filesystem"] = new JsonObject { ["command"] = "node", ["args"] = new JsonArray(TestEnvironment.FilesystemServer, root) },
            ["everything"] = new JsonObject { ["command"] = "node", ["args"] = new JsonArray(TestEnvironment.EverythingServer, "stdio") },
            ["memory"] = new JsonObject { ["command"] = "node", ["args"] = new JsonArray(memory), ["env"] = new JsonObject { ["MEMORY_FILE_PATH"] = _folder.File("memory.jsonl") } },
        });

        var (exitCode, stdout, stderr) = await ScanAsync(["--config", config, "--json"], token);

        var servers = Servers(stdout, stderr);
        Assert.Equal(["filesystem", "everything", "memory"], servers.Select(s => (string)s["name"]!));
        Assert.All(servers, s => Assert.True(s["error"] is null, $"{s["name"]}: {s["error"]}"));
        Assert.All(servers, s => Assert.True((int)s["tools"]! > 0, $"{s["name"]} listed no tools"));
        Assert.All(servers, s => Assert.True(s["findings"]!.AsArray().Count == 0, $"{s["name"]} is not clean: {s["findings"]!.ToJsonString()}"));
        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
    }

    [Fact(Timeout = 240_000)]
    public async Task ServerThatFailsToStartIsReportedAndTheOthersAreStillScanned()
    {
        var token = TestContext.Current.CancellationToken;
        var config = WriteClaudeConfig(new JsonObject
        {
            ["broken"] = new JsonObject { ["command"] = "/nonexistent/mcp-server-binary" },
            ["malicious"] = new JsonObject { ["command"] = "dotnet", ["args"] = new JsonArray(MaliciousServerTests.MaliciousServer[1]) },
        });

        var (exitCode, stdout, stderr) = await ScanAsync(["--config", config, "--json"], token);

        Assert.True(exitCode == 2, $"exit {exitCode}\n{stdout}\n{stderr}");
        var servers = Servers(stdout, stderr);
        // Under setsid (Linux) the child starts and exits at once; elsewhere the start itself fails.
        var error = (string?)servers.Single(s => (string?)s["name"] == "broken")["error"];
        Assert.True(error?.Contains("before answering initialize", StringComparison.Ordinal) == true || error?.Contains("Could not start", StringComparison.Ordinal) == true, error);
        var scanned = servers.Single(s => (string?)s["name"] == "malicious");
        Assert.Null(scanned["error"]);
        Assert.NotEmpty(scanned["findings"]!.AsArray());
    }

    /// <summary>The first stdout line of the malicious server in HTTP mode: the URL it listens on (127.0.0.1, a free port).</summary>
    private static async Task<string> ReadUrlAsync(PipedProcess server, CancellationToken token)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(token);
        patience.CancelAfter(TestEnvironment.Patience);
        var line = await server.ReadLineAsync(patience.Token);
        Assert.True(line?.StartsWith("http://127.0.0.1:", StringComparison.Ordinal) == true, $"no URL from the server: '{line}'\n{server.Stderr}");
        return line!;
    }

    private string WriteClaudeConfig(JsonObject servers)
    {
        var path = _folder.File("claude_desktop_config.json");
        File.WriteAllText(path, new JsonObject { ["mcpServers"] = servers }.ToJsonString());
        return path;
    }

    private static List<JsonNode> Servers(string json, string stderr)
    {
        Assert.True(json.TrimStart().StartsWith('{'), $"no JSON report on stdout:\n{json}\nstderr:\n{stderr}");
        return JsonNode.Parse(json)!["servers"]!.AsArray().Select(static s => s!).ToList();
    }

    private static string Line(IReadOnlyList<string> argv) => McpVanguard.Transports.Stdio.CommandLineSplitter.Join(argv);

    /// <summary>Runs <c>vanguard scan</c> with a private pin file to its end.</summary>
    private async Task<(int ExitCode, string Stdout, string Stderr)> ScanAsync(IEnumerable<string> arguments, CancellationToken token)
    {
        var info = new ProcessStartInfo(TestEnvironment.VanguardProgram) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in TestEnvironment.VanguardArguments(["scan", "--pins-file", PinsFile, .. arguments]))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(token);
        patience.CancelAfter(ScanPatience);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(patience.Token);
            var stderr = process.StandardError.ReadToEndAsync(patience.Token);
            await process.WaitForExitAsync(patience.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
