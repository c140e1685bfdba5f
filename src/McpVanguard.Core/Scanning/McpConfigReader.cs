using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpVanguard.Scanning;

/// <summary>
/// Reads the MCP servers of agent config files (<see cref="McpConfigFile"/>): Claude Desktop, Claude Code (its user and
/// per-project servers), Cursor, Windsurf, VS Code's <c>mcp.json</c> and its user settings.
/// </summary>
public static class McpConfigReader
{
    /// <summary>The servers of <paramref name="path"/>; throws <see cref="FormatException"/> naming the file when it is not a config file.</summary>
    public static IReadOnlyList<ScanTarget> Read(string path)
    {
        var file = McpConfigFile.Read(path);
        var configFolder = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? Environment.CurrentDirectory;
        return file.Maps
            .SelectMany(map => map.Servers.Select(server => ToTarget(map.Describe(server.Key), server.Value, path, map.Project ?? configFolder)))
            .ToList();
    }

    /// <summary>The config files that exist among the clients' usual locations (<see cref="McpClientLocations"/>).</summary>
    public static IReadOnlyList<string> DefaultLocations(string workingDirectory)
        => McpClientLocations.Existing(workingDirectory).Select(c => c.Path).ToList();

    private static ScanTarget ToTarget(string name, JsonNode? entry, string path, string workspace)
    {
        if (entry is not JsonObject fields)
        {
            return new ScanTarget(name, path, null, null, Problem: "the entry is not an object");
        }

        var type = Text(fields, "type");
        // Windsurf names the URL of an HTTP server serverUrl.
        if ((Text(fields, "url") ?? Text(fields, "serverUrl")) is { } url)
        {
            return type == "sse"
                ? new ScanTarget(name, path, null, url, Problem: "legacy SSE servers are not supported by scan; only Streamable HTTP")
                : new ScanTarget(name, path, null, url);
        }

        if (Text(fields, "command") is not { Length: > 0 } command)
        {
            return new ScanTarget(name, path, null, null, Problem: "neither 'command' nor 'url' is given");
        }

        // VS Code's own variable for the folder holding .vscode/; other ${...} variables are left for the user to see.
        string Expand(string value) => value.Replace("${workspaceFolder}", workspace, StringComparison.Ordinal);
        var argv = new List<string> { Expand(command) };
        if (fields["args"] is JsonArray args)
        {
            argv.AddRange(args.OfType<JsonValue>().Where(static a => a.GetValueKind() == JsonValueKind.String).Select(a => Expand(a.GetValue<string>())));
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (fields["env"] is JsonObject env)
        {
            foreach (var (variable, value) in env)
            {
                if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String)
                {
                    environment[variable] = Expand(text.GetValue<string>());
                }
            }
        }

        return VanguardWrapping.TryRead(argv) is { } wrapping
            ? new ScanTarget(name, path, wrapping.Inner, null, environment, UnwrappedFrom: Transports.Stdio.CommandLineSplitter.Join(argv))
            : new ScanTarget(name, path, argv, null, environment);
    }

    private static string? Text(JsonObject fields, string name)
        => fields[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
