using System.Text.Json;

namespace McpVanguard.Scanning;

/// <summary>
/// Reads the MCP servers of agent config files: Claude Desktop, Claude Code, Cursor and Windsurf (<c>mcpServers</c>), VS Code's <c>mcp.json</c>
/// (<c>servers</c>) and its user settings (<c>mcp.servers</c>). Comments and trailing commas are allowed, as VS Code allows them.
/// </summary>
public static class McpConfigReader
{
    /// <summary>Config files larger than this are refused: they are hand-written and small.</summary>
    private const long MaxFileBytes = 4 * 1024 * 1024;

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    /// <summary>The servers of <paramref name="path"/>; throws <see cref="FormatException"/> naming the file when it is not a config file.</summary>
    public static IReadOnlyList<ScanTarget> Read(string path)
    {
        JsonDocument document;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw new FormatException($"{path}: larger than {MaxFileBytes} bytes; not an MCP config file.");
            }

            document = JsonDocument.Parse(File.ReadAllBytes(path), Lenient);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path}: not valid JSON ({ex.Message}).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"{path}: cannot be read ({ex.Message}).", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{path}: the top level must be an object.");
            }

            var servers = Property(root, "mcpServers") ?? Property(root, "servers") ?? Property(root, "mcp.servers")
                ?? (Property(root, "mcp") is { ValueKind: JsonValueKind.Object } mcp ? Property(mcp, "servers") : null);
            if (servers is not { ValueKind: JsonValueKind.Object } map)
            {
                // A settings file without MCP servers is not an error, just nothing to scan.
                return [];
            }

            var workspace = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? Environment.CurrentDirectory;
            return map.EnumerateObject().Select(server => ToTarget(server.Name, server.Value, path, workspace)).ToList();
        }
    }

    /// <summary>The config files that exist among the clients' usual locations (<see cref="McpClientLocations"/>).</summary>
    public static IReadOnlyList<string> DefaultLocations(string workingDirectory)
        => McpClientLocations.Existing(workingDirectory).Select(c => c.Path).ToList();

    private static ScanTarget ToTarget(string name, JsonElement entry, string path, string workspace)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return new ScanTarget(name, path, null, null, Problem: "the entry is not an object");
        }

        var type = Text(entry, "type");
        // Windsurf names the URL of an HTTP server serverUrl.
        if ((Text(entry, "url") ?? Text(entry, "serverUrl")) is { } url)
        {
            return type == "sse"
                ? new ScanTarget(name, path, null, url, Problem: "legacy SSE servers are not supported by scan; only Streamable HTTP")
                : new ScanTarget(name, path, null, url);
        }

        if (Text(entry, "command") is not { Length: > 0 } command)
        {
            return new ScanTarget(name, path, null, null, Problem: "neither 'command' nor 'url' is given");
        }

        // VS Code's own variable for the folder holding .vscode/; other ${...} variables are left for the user to see.
        string Expand(string value) => value.Replace("${workspaceFolder}", workspace, StringComparison.Ordinal);
        var argv = new List<string> { Expand(command) };
        if (Property(entry, "args") is { ValueKind: JsonValueKind.Array } args)
        {
            argv.AddRange(args.EnumerateArray().Where(static a => a.ValueKind == JsonValueKind.String).Select(a => Expand(a.GetString()!)));
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Property(entry, "env") is { ValueKind: JsonValueKind.Object } env)
        {
            foreach (var variable in env.EnumerateObject().Where(static v => v.Value.ValueKind == JsonValueKind.String))
            {
                environment[variable.Name] = Expand(variable.Value.GetString()!);
            }
        }

        return VanguardWrapping.TryRead(argv) is { } wrapping
            ? new ScanTarget(name, path, wrapping.Inner, null, environment, UnwrappedFrom: Transports.Stdio.CommandLineSplitter.Join(argv))
            : new ScanTarget(name, path, argv, null, environment);
    }

    private static JsonElement? Property(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement element, string name) => Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
