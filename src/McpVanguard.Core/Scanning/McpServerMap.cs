using System.Text.Json.Nodes;

namespace McpVanguard.Scanning;

/// <summary>
/// One map of named MCP server entries inside a client config: the user-level one (<c>mcpServers</c>, VS Code's
/// <c>servers</c> or <c>mcp.servers</c>), or one of Claude Code's per-project maps (<c>projects.DIR.mcpServers</c>).
/// </summary>
/// <param name="Project">The project folder of a Claude Code per-project map; null for the user-level map.</param>
/// <param name="Servers">The entries, by name (the live node of the document: edits change the file's tree).</param>
public sealed record McpServerMap(string? Project, JsonObject Servers)
{
    /// <summary>How a report names an entry of this map: its name, and its project when it has one.</summary>
    public string Describe(string name) => Project is null ? name : $"{name} (project {Project})";

    /// <summary>Every server map of a config document, the user-level one first.</summary>
    public static IReadOnlyList<McpServerMap> FindAll(JsonObject root)
    {
        var maps = new List<McpServerMap>();
        if ((root["mcpServers"] ?? root["servers"] ?? root["mcp.servers"] ?? (root["mcp"] as JsonObject)?["servers"]) is JsonObject user)
        {
            maps.Add(new McpServerMap(null, user));
        }

        // Claude Code keeps "local" servers, private to one project, under that project's folder in ~/.claude.json.
        if (root["projects"] is JsonObject projects)
        {
            foreach (var (folder, project) in projects)
            {
                if ((project as JsonObject)?["mcpServers"] is JsonObject servers && servers.Count > 0)
                {
                    maps.Add(new McpServerMap(folder, servers));
                }
            }
        }

        return maps;
    }
}
