using McpVanguard.Scanning;

namespace McpVanguard.Tests.Scanning;

public sealed class McpConfigReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vanguard-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ClaudeDesktopAndCursorMcpServersGiveCommandsArgsEnvAndUrls()
    {
        var path = Write("claude_desktop_config.json", """
            {"mcpServers": {
              "files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/home/me"], "env": {"DEBUG": "1"}},
              "remote": {"url": "http://127.0.0.1:3001/mcp"}
            }}
            """);

        var targets = McpConfigReader.Read(path);

        Assert.Equal(2, targets.Count);
        Assert.Equal("files", targets[0].Name);
        Assert.Equal(["npx", "-y", "@modelcontextprotocol/server-filesystem", "/home/me"], targets[0].Command);
        Assert.Equal("1", targets[0].Environment!["DEBUG"]);
        Assert.Equal(path, targets[0].Source);
        Assert.Equal("http://127.0.0.1:3001/mcp", targets[1].Url);
        Assert.Null(targets[1].Problem);
    }

    [Fact]
    public void ClaudeCodeProjectServersAreReadWithTheirProjectAsWorkspace()
    {
        var project = Path.Join(_folder, "app");
        var path = Write(".claude.json", """
            {
              "mcpServers": {"user-fs": {"type": "stdio", "command": "npx", "args": ["pkg"]}},
              "projects": {
                "PROJECT": {"allowedTools": [], "mcpServers": {"db": {"command": "node", "args": ["${workspaceFolder}/db.js"]}}},
                "/elsewhere": {"mcpServers": {}}
              }
            }
            """.Replace("PROJECT", project.Replace("\\", "\\\\"), StringComparison.Ordinal));

        var targets = McpConfigReader.Read(path);

        Assert.Equal(2, targets.Count);
        Assert.Equal("user-fs", targets[0].Name);
        Assert.Equal($"db (project {project})", targets[1].Name);
        Assert.Equal(["node", $"{project}/db.js"], targets[1].Command);
    }

    [Fact]
    public void VsCodeMcpJsonWithCommentsTrailingCommasAndWorkspaceFolder()
    {
        var path = Write(Path.Combine(".vscode", "mcp.json"), """
            {
              // VS Code allows comments
              "servers": {
                "fs": {"type": "stdio", "command": "node", "args": ["server.js", "${workspaceFolder}"],},
                "legacy": {"type": "sse", "url": "http://127.0.0.1:9000/sse"},
              },
              "inputs": [],
            }
            """);

        var targets = McpConfigReader.Read(path);

        Assert.Equal(["node", "server.js", _folder], targets[0].Command);
        Assert.NotNull(targets[1].Problem);
    }

    [Fact]
    public void VsCodeUserSettingsNestedAndDottedMcpServers()
    {
        var nested = Write("settings.json", """{"editor.fontSize": 14, "mcp": {"servers": {"a": {"command": "a-server"}}}}""");
        var dotted = Write("settings2.json", """{"mcp.servers": {"b": {"command": "b-server"}}}""");
        var none = Write("settings3.json", """{"editor.fontSize": 14}""");

        Assert.Equal("a", Assert.Single(McpConfigReader.Read(nested)).Name);
        Assert.Equal("b", Assert.Single(McpConfigReader.Read(dotted)).Name);
        Assert.Empty(McpConfigReader.Read(none));
    }

    [Fact]
    public void EntryWithoutCommandOrUrlIsAProblemNotAnException()
    {
        var path = Write("c.json", """{"mcpServers": {"odd": {"args": ["x"]}, "bad": 3}}""");

        var targets = McpConfigReader.Read(path);

        Assert.All(targets, t => Assert.NotNull(t.Problem));
    }

    [Fact]
    public void InvalidJsonNamesTheFile()
    {
        var path = Write("broken.json", "{ not json");

        var ex = Assert.Throws<FormatException>(() => McpConfigReader.Read(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultLocationsIncludeTheWorkingDirectoriesVsCodeAndCursorFiles()
    {
        var vscode = Write(Path.Combine(".vscode", "mcp.json"), """{"servers": {}}""");
        var cursor = Write(Path.Combine(".cursor", "mcp.json"), """{"mcpServers": {}}""");

        var found = McpConfigReader.DefaultLocations(_folder);

        Assert.Contains(vscode, found);
        Assert.Contains(cursor, found);
    }
}
