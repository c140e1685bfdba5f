using System.Text.Json.Nodes;

namespace McpVanguard.EndToEnd;

/// <summary><c>vanguard configure</c> on real sample config files of each client's format, through the real process.</summary>
public sealed class ConfigureTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("vanguard-e2e-configure-");

    public void Dispose() => _folder.Dispose();

    private const string ClaudeDesktopSample = """
            {
              "globalShortcut": "Ctrl+Space",
              "mcpServers": {
                "filesystem": {
                  "command": "npx",
                  "args": ["-y", "@modelcontextprotocol/server-filesystem", "/home/user/projects"],
                  "env": {"DEBUG": "1"}
                },
                "remote": {"url": "https://mcp.example.com/mcp"}
              }
            }
            """;

    private const string CursorSample = """
            {
              "mcpServers": {
                "filesystem": {"command": "node", "args": ["/opt/servers/fs.js", "/home/user"], "disabled": false},
                "remote": {"url": "http://localhost:3000/mcp"}
              }
            }
            """;

    /// <summary>Each client's file format: where the server map is, and fields vanguard does not know that must survive.</summary>
    public static TheoryData<string, string, string> Samples => new()
    {
        {
            "claude-desktop", "claude_desktop_config.json", ClaudeDesktopSample
        },
        {
            "claude-code", ".claude.json", """
            {
              "numStartups": 12,
              "projects": {"/home/user/app": {"allowedTools": [], "mcpServers": {"db": {"command": "uvx", "args": []}}}},
              "mcpServers": {
                "filesystem": {"type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"], "env": {}},
                "remote": {"type": "http", "url": "https://mcp.example.com/mcp", "headers": {"Authorization": "Bearer ${TOKEN}"}}
              }
            }
            """
        },
        {
            "cursor", "mcp.json", CursorSample
        },
        {
            "vscode", "mcp.json", """
            {
              "inputs": [{"type": "promptString", "id": "token", "description": "API token", "password": true}],
              "servers": {
                "filesystem": {"type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "${workspaceFolder}"], "envFile": "${workspaceFolder}/.env"},
                "remote": {"type": "http", "url": "https://mcp.example.com/mcp"}
              }
            }
            """
        },
        {
            "windsurf", "mcp_config.json", """
            {
              "mcpServers": {
                "filesystem": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/home/user"], "disabledTools": ["write_file"]},
                "remote": {"serverUrl": "https://mcp.example.com/sse"}
              }
            }
            """
        },
    };

    [Theory(Timeout = 180_000)]
    [MemberData(nameof(Samples))]
    public async Task WrapsStdioEntriesIdempotentlyKeepsEverythingElseAndUndoesExactly(string client, string fileName, string sample)
    {
        var token = TestContext.Current.CancellationToken;
        var file = Write(client, fileName, sample);
        var original = JsonNode.Parse(sample)!;

        var wrap = await VanguardRun.RunAsync(["configure", "--config-file", file, "--all"], token, OwnState());

        Assert.True(wrap.ExitCode == 0, wrap.ToString());
        var wrapped = JsonNode.Parse(File.ReadAllText(file))!;
        var servers = (wrapped["mcpServers"] ?? wrapped["servers"])!;
        var entry = servers["filesystem"]!;
        var args = entry["args"]!.AsArray().Select(a => (string)a!).ToList();
        // The absolute path of what runs vanguard (here dotnet and vanguard.dll): a GUI app's PATH lacks ~/.dotnet/tools.
        Assert.True(Path.IsPathRooted((string)entry["command"]!), entry.ToJsonString());
        var start = args.IndexOf("start");
        Assert.Equal(["start", "--server-id", "filesystem", "--"], args.Skip(start).Take(4));
        var originalEntry = (original["mcpServers"] ?? original["servers"])!["filesystem"]!;
        Assert.Equal([(string)originalEntry["command"]!, .. originalEntry["args"]!.AsArray().Select(a => (string)a!)], args.Skip(start + 4));
        // Everything but command and args is untouched: the entry's other fields, the other entries, the rest of the file.
        foreach (var (name, value) in originalEntry.AsObject().Where(p => p.Key is not ("command" or "args")))
        {
            Assert.True(JsonNode.DeepEquals(value, entry[name]), $"{name} changed: {entry.ToJsonString()}");
        }

        Assert.True(JsonNode.DeepEquals((original["mcpServers"] ?? original["servers"])!["remote"], servers["remote"]), "the HTTP entry was rewritten");
        foreach (var (name, value) in original.AsObject().Where(p => p.Key is not ("mcpServers" or "servers" or "projects")))
        {
            Assert.True(JsonNode.DeepEquals(value, wrapped[name]), $"top-level {name} changed");
        }

        if (original["projects"] is JsonObject projects)
        {
            // Claude Code's per-project servers are configured too; the project's other settings stay.
            var project = wrapped["projects"]!["/home/user/app"]!;
            Assert.Contains("--server-id", project["mcpServers"]!["db"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.True(JsonNode.DeepEquals(projects["/home/user/app"]!["allowedTools"], project["allowedTools"]));
        }

        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + ".*.vanguard-backup"));

        var bytesAfterFirst = File.ReadAllBytes(file);
        var again = await VanguardRun.RunAsync(["configure", "--config-file", file, "--all"], token, OwnState());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(bytesAfterFirst, File.ReadAllBytes(file));
        Assert.Contains("already wrapped", again.Stdout, StringComparison.Ordinal);

        var undo = await VanguardRun.RunAsync(["configure", "--config-file", file, "--all", "--undo"], token, OwnState());
        Assert.True(undo.ExitCode == 0, undo.ToString());
        Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(File.ReadAllText(file))), File.ReadAllText(file));
    }

    [Theory(Timeout = 180_000)]
    [InlineData("claude-code", ".claude.json", "url", "http://127.0.0.1:8080/mcp/remote")]
    [InlineData("windsurf", "mcp_config.json", "serverUrl", "http://127.0.0.1:8080/sse/remote")]
    public async Task HttpEntryIsPointedAtTheGatewayAndRestoredExactly(string client, string fileName, string key, string expected)
    {
        var token = TestContext.Current.CancellationToken;
        var sample = Samples.Single(row => (string)row.Data.Item1 == client).Data.Item3;
        var file = Write(client, fileName, sample);
        var original = JsonNode.Parse(sample)!;
        var originalEntry = original["mcpServers"]!["remote"]!;

        var point = await VanguardRun.RunAsync(["configure", "--config-file", file, "--server", "remote", "--gateway", "http://127.0.0.1:8080"], token, OwnState());

        Assert.True(point.ExitCode == 0, point.ToString());
        var entry = JsonNode.Parse(File.ReadAllText(file))!["mcpServers"]!["remote"]!;
        // The gateway's own route for this upstream (GatewayServer maps /mcp/ID and, for legacy SSE clients, /sse/ID).
        Assert.Equal(expected, (string?)entry[key]);
        Assert.Null(entry["headers"]);
        Assert.True(JsonNode.DeepEquals(original["mcpServers"]!["filesystem"], JsonNode.Parse(File.ReadAllText(file))!["mcpServers"]!["filesystem"]), "an unselected entry changed");
        // What the gateway needs, printed for its vanguard.yaml: the upstream URL and the header names, never their values.
        Assert.Contains("- id: remote", point.Stderr, StringComparison.Ordinal);
        Assert.Contains($"url: \"{(string)originalEntry[key]!}\"", point.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", point.Stdout + point.Stderr, StringComparison.Ordinal);

        var bytes = File.ReadAllBytes(file);
        var again = await VanguardRun.RunAsync(["configure", "--config-file", file, "--server", "remote", "--gateway", "http://127.0.0.1:8080"], token, OwnState());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(bytes, File.ReadAllBytes(file));

        var undo = await VanguardRun.RunAsync(["configure", "--config-file", file, "--server", "remote", "--undo"], token, OwnState());
        Assert.True(undo.ExitCode == 0, undo.ToString());
        Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(File.ReadAllText(file))), File.ReadAllText(file));
    }

    [Fact(Timeout = 120_000)]
    public async Task DryRunPrintsADiffAndWritesNothing()
    {
        var token = TestContext.Current.CancellationToken;
        var file = Write("claude-desktop", "claude_desktop_config.json", ClaudeDesktopSample);
        var before = File.ReadAllBytes(file);

        var run = await VanguardRun.RunAsync(["configure", "--config-file", file, "--server", "filesystem", "--dry-run"], token);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Contains("-  \"command\": \"npx\",", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("+    \"--server-id\",", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "*.vanguard-backup"));
    }

    [Fact(Timeout = 120_000)]
    public async Task ClientFileIsFoundInItsUsualLocation()
    {
        var token = TestContext.Current.CancellationToken;
        var configHome = _folder.File("xdg");
        var file = Path.Join(configHome, "Claude", "claude_desktop_config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, ClaudeDesktopSample, token);

        var run = await VanguardRun.RunAsync(["configure", "--client", "claude-desktop", "--server", "filesystem", "--json"], token, new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = configHome, ["HOME"] = _folder.Path }, _folder.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Stdout)!.AsArray();
        Assert.Contains(report, r => (string?)r!["server"] == "filesystem" && (string?)r["state"] == "wrapped" && (string?)r["file"] == file);
        Assert.Contains("--server-id", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task UnknownServerNameIsAnErrorAndChangesNothing()
    {
        var token = TestContext.Current.CancellationToken;
        var file = Write("cursor", "mcp.json", CursorSample);
        var before = File.ReadAllBytes(file);

        var run = await VanguardRun.RunAsync(["configure", "--config-file", file, "--server", "filesytem"], token);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no entry named 'filesytem'", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [Fact(Timeout = 120_000)]
    public async Task FileWithCommentsIsNotRewrittenAndTheEntryIsShownToPaste()
    {
        var token = TestContext.Current.CancellationToken;
        var file = Write("vscode", "settings.json", """
            {
              // the user's own comment
              "editor.fontSize": 14,
              "mcp.servers": {"filesystem": {"command": "npx", "args": ["-y", "pkg"],},},
            }
            """);
        var before = File.ReadAllBytes(file);

        var run = await VanguardRun.RunAsync(["configure", "--config-file", file, "--all"], token);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Contains("comments or trailing commas", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("+    \"start\",", run.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 240_000)]
    public async Task ScanOfAConfiguredFileScansTheWrappedServerItself()
    {
        var token = TestContext.Current.CancellationToken;
        var file = Write("claude-desktop", "claude_desktop_config.json", new JsonObject
        {
            ["mcpServers"] = new JsonObject { ["malicious"] = new JsonObject { ["command"] = "dotnet", ["args"] = new JsonArray(MaliciousServerTests.MaliciousServer[1]) } },
        }.ToJsonString());
        var configure = await VanguardRun.RunAsync(["configure", "--config-file", file, "--all"], token);
        Assert.True(configure.ExitCode == 0, configure.ToString());

        // Through the inner vanguard the poisoned tool would be silently dropped and the server would look clean.
        var scan = await VanguardRun.RunAsync(["scan", "--config-file", file, "--json", "--pins-file", _folder.File("pins.json")], token);

        Assert.True(scan.ExitCode == 1, scan.ToString());
        var server = Assert.Single(JsonNode.Parse(scan.Stdout)!["servers"]!.AsArray())!;
        Assert.NotNull((string?)server["unwrapped_from"]);
        Assert.Contains(server["findings"]!.AsArray(), f => (string?)f!["item"] == "fetch_weather");
        Assert.Contains("runs vanguard start; scanning the server it wraps directly", scan.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A state directory of this test's own: the record of rewritten entries is not shared with tests running beside it.</summary>
    private Dictionary<string, string?> OwnState() => new() { ["XDG_STATE_HOME"] = _folder.File("state") };

    private string Write(string client, string fileName, string text)
    {
        var folder = _folder.File(client);
        Directory.CreateDirectory(folder);
        var path = Path.Join(folder, fileName);
        File.WriteAllText(path, text);
        return path;
    }
}
