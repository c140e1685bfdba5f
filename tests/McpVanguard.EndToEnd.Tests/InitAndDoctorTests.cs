using System.Text.Json.Nodes;

namespace McpVanguard.EndToEnd;

/// <summary><c>vanguard init</c> then <c>vanguard doctor</c>, through the real process, in a private config and state directory.</summary>
public sealed class InitAndDoctorTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("vanguard-e2e-doctor-");

    public void Dispose() => _folder.Dispose();

    private Dictionary<string, string?> Environment => new()
    {
        ["XDG_CONFIG_HOME"] = _folder.File("config"),
        ["XDG_STATE_HOME"] = _folder.File("state"),
        ["HOME"] = _folder.Path,
    };

    [Fact(Timeout = 120_000)]
    public async Task InitWritesAConfigEveryCommandThenReadsAndDoctorPasses()
    {
        var token = TestContext.Current.CancellationToken;
        var zone = _folder.File("project");
        Directory.CreateDirectory(zone);

        var init = await VanguardRun.RunAsync(["init", "--yes", "--safe-zone", zone, "--profile", "strict"], token, Environment, _folder.Path);

        Assert.True(init.ExitCode == 0, init.ToString());
        var written = Path.Join(_folder.File("config"), "mcp-vanguard", "vanguard.yaml");
        Assert.True(File.Exists(written), init.ToString());
        Assert.DoesNotContain("enabled: false", File.ReadAllText(written), StringComparison.Ordinal);

        var show = await VanguardRun.RunAsync(["config", "show", "--json"], token, Environment, _folder.Path);
        Assert.True(show.ExitCode == 0, show.ToString());
        var values = JsonNode.Parse(show.Stdout)!["values"]!;
        Assert.Equal("strict", (string?)values["profile"]!["value"]);
        Assert.Equal(zone, (string?)values["safe_zones"]!["value"]);

        var again = await VanguardRun.RunAsync(["init", "--yes"], token, Environment, _folder.Path);
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("already exists", again.Stderr, StringComparison.Ordinal);

        var doctor = await VanguardRun.RunAsync(["doctor", "--json"], token, Environment, _folder.Path);
        Assert.True(doctor.ExitCode == 0, doctor.ToString());
        var checks = JsonNode.Parse(doctor.Stdout)!["checks"]!.AsArray();
        Assert.All(checks, c => Assert.NotEqual("fail", (string?)c!["status"]));
        Assert.Equal(["DOC01", "DOC02", "DOC03", "DOC04", "DOC05", "DOC06", "DOC07", "DOC08", "DOC09", "DOC10", "DOC11"], checks.Select(c => (string)c!["id"]!));
        Assert.All(checks, c => Assert.Contains("OWASP MCP", (string?)c!["control"], StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task DoctorFailsOnAMissingSafeZoneAndAnExposedGatewayAndSaysHowToFix()
    {
        var token = TestContext.Current.CancellationToken;
        var config = _folder.File("vanguard.yaml");
        await File.WriteAllTextAsync(config, $"safe_zones: [\"{_folder.File("gone")}\"]\ngateway:\n  host: 0.0.0.0\n", token);

        var doctor = await VanguardRun.RunAsync(["audit-compliance", "--config", config], token, Environment, _folder.Path);

        Assert.True(doctor.ExitCode == 1, doctor.ToString());
        Assert.Matches(@"FAIL\s+DOC05", doctor.Stdout);
        Assert.Matches(@"FAIL\s+DOC08", doctor.Stdout);
        Assert.Contains("fix: add auth:", doctor.Stdout, StringComparison.Ordinal);

        var sarif = await VanguardRun.RunAsync(["doctor", "--config", config, "--sarif"], token, Environment, _folder.Path);
        Assert.True(sarif.ExitCode == 1, sarif.ToString());
        var results = JsonNode.Parse(sarif.Stdout)!["runs"]![0]!["results"]!.AsArray();
        Assert.Contains(results, r => (string?)r!["ruleId"] == "DOC08" && (string?)r["level"] == "error");
    }

    [Fact(Timeout = 120_000)]
    public async Task DoctorReportsUnwrappedClientServers()
    {
        var token = TestContext.Current.CancellationToken;
        var claude = Path.Join(_folder.File("config"), "Claude", "claude_desktop_config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(claude)!);
        await File.WriteAllTextAsync(claude, """{"mcpServers": {"files": {"command": "npx", "args": ["-y", "pkg"]}}}""", token);

        var doctor = await VanguardRun.RunAsync(["doctor", "--json"], token, Environment, _folder.Path);

        var check = JsonNode.Parse(doctor.Stdout)!["checks"]!.AsArray().Single(c => (string?)c!["id"] == "DOC04")!;
        Assert.Equal("warn", (string?)check["status"]);
        Assert.Contains("claude-desktop:files", (string?)check["detail"], StringComparison.Ordinal);
        Assert.Contains("vanguard configure", (string?)check["fix"], StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task DoctorWarnsWhenClientsLaunchAnotherVanguardAndConfigureRepointsThem()
    {
        var token = TestContext.Current.CancellationToken;
        var claude = Path.Join(_folder.File("config"), "Claude", "claude_desktop_config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(claude)!);
        // Wrapped by a copy that has since gone (an uninstalled or moved vanguard): the client can no longer start the server.
        var gone = _folder.File("old-install/vanguard");
        await File.WriteAllTextAsync(claude, $$$$$"""{"mcpServers": {"files": {"command": "{{{{{gone}}}}}", "args": ["start", "--server-id", "files", "--", "npx", "-y", "pkg"], "env": {"A": "1"}}}}""", token);

        var before = await VanguardRun.RunAsync(["doctor", "--json"], token, Environment, _folder.Path);
        var stale = JsonNode.Parse(before.Stdout)!["checks"]!.AsArray().Single(c => (string?)c!["id"] == "DOC10")!;
        Assert.Equal("warn", (string?)stale["status"]);
        Assert.Contains($"claude-desktop:files launches {gone}, which does not exist", (string?)stale["detail"], StringComparison.Ordinal);
        Assert.Contains("vanguard configure --all", (string?)stale["fix"], StringComparison.Ordinal);

        var configure = await VanguardRun.RunAsync(["configure", "--all"], token, Environment, _folder.Path);
        Assert.True(configure.ExitCode == 0, configure.ToString());
        Assert.Contains("re-pointed at", configure.Stdout, StringComparison.Ordinal);
        var entry = JsonNode.Parse(await File.ReadAllTextAsync(claude, token))!["mcpServers"]!["files"]!;
        Assert.NotEqual(gone, (string?)entry["command"]);
        var args = entry["args"]!.AsArray().Select(a => (string?)a).ToList();
        Assert.Equal(["start", "--server-id", "files", "--", "npx", "-y", "pkg"], args.SkipWhile(a => a != "start"));
        Assert.Equal("1", (string?)entry["env"]!["A"]);

        var after = await VanguardRun.RunAsync(["doctor", "--json"], token, Environment, _folder.Path);
        var fixedCheck = JsonNode.Parse(after.Stdout)!["checks"]!.AsArray().Single(c => (string?)c!["id"] == "DOC10")!;
        Assert.Equal("pass", (string?)fixedCheck["status"]);

        // Undo gives back the server's own entry, not the wrapping that pointed at the old copy.
        var undo = await VanguardRun.RunAsync(["configure", "--all", "--undo"], token, Environment, _folder.Path);
        Assert.True(undo.ExitCode == 0, undo.ToString());
        var restored = JsonNode.Parse(await File.ReadAllTextAsync(claude, token))!["mcpServers"]!["files"]!;
        Assert.Equal("npx", (string?)restored["command"]);
        Assert.Equal(["-y", "pkg"], restored["args"]!.AsArray().Select(a => (string?)a));
    }

    [Fact(Timeout = 120_000)]
    public async Task DoctorFailsWhenAWrappedServerWouldBeRefusedAtLaunchUnderItsOwnProfile()
    {
        var token = TestContext.Current.CancellationToken;
        var claude = Path.Join(_folder.File("config"), "Claude", "claude_desktop_config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(claude)!);
        var vanguard = _folder.File("vanguard");
        await File.WriteAllTextAsync(claude, $$$$$"""
            {"mcpServers": {
              "files": {"command": "{{{{{vanguard}}}}}", "args": ["start", "--profile", "strict", "--server-id", "files", "--", "npx", "-y", "@modelcontextprotocol/server-filesystem", "/tmp"]},
              "notes": {"command": "{{{{{vanguard}}}}}", "args": ["start", "--server-id", "notes", "--", "npx", "-y", "@modelcontextprotocol/server-memory"]}
            }}
            """, token);

        // Doctor's own configuration is balanced: the strict entry is judged under its own profile, the other is not judged.
        var doctor = await VanguardRun.RunAsync(["doctor", "--json"], token, Environment, _folder.Path);

        Assert.True(doctor.ExitCode == 1, doctor.ToString());
        var check = JsonNode.Parse(doctor.Stdout)!["checks"]!.AsArray().Single(c => (string?)c!["id"] == "DOC11")!;
        Assert.Equal("fail", (string?)check["status"]);
        var detail = (string?)check["detail"];
        Assert.Contains("claude-desktop:files (", detail, StringComparison.Ordinal);
        Assert.Contains("has no manifest (trust.require_manifests is on, from profile:strict)", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("notes", detail, StringComparison.Ordinal);
        Assert.Contains("vanguard manifest create", (string?)check["fix"], StringComparison.Ordinal);

        // The same entry under balanced starts (unverified servers are only audited when a manifest is required or configured).
        await File.WriteAllTextAsync(claude, (await File.ReadAllTextAsync(claude, token)).Replace("\"strict\"", "\"balanced\"", StringComparison.Ordinal), token);
        var balanced = await VanguardRun.RunAsync(["doctor", "--json"], token, Environment, _folder.Path);
        var passed = JsonNode.Parse(balanced.Stdout)!["checks"]!.AsArray().Single(c => (string?)c!["id"] == "DOC11")!;
        Assert.Equal("pass", (string?)passed["status"]);
    }
}
