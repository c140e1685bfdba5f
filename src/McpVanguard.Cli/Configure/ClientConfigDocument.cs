using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpVanguard.Cli.Configure;

/// <summary>
/// An MCP client's config file as a JSON tree: its server map found where that client keeps it, everything else kept
/// as read (unknown fields, other entries, key order), and written back atomically with a backup beside it.
/// </summary>
internal sealed class ClientConfigDocument
{
    /// <summary>Client config files are hand-written and small; a larger file is not one.</summary>
    private const long MaxFileBytes = 4 * 1024 * 1024;

    private static readonly JsonSerializerOptions Output = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonObject _root;
    private readonly bool _endsWithNewline;

    private ClientConfigDocument(string path, string client, JsonObject root, JsonObject? servers, bool lossless, bool endsWithNewline)
    {
        Path = path;
        Client = client;
        _root = root;
        Servers = servers;
        Lossless = lossless;
        _endsWithNewline = endsWithNewline;
    }

    public string Path { get; }

    public string Client { get; }

    /// <summary>The server map (<c>mcpServers</c>, <c>servers</c>, <c>mcp.servers</c> or <c>mcp</c> → <c>servers</c>), or null when the file has none.</summary>
    public JsonObject? Servers { get; }

    /// <summary>False when the file has comments or trailing commas, which writing it back would lose: such a file is never rewritten.</summary>
    public bool Lossless { get; }

    /// <summary>Reads <paramref name="path"/>; throws <see cref="FormatException"/> naming the file when it is not a JSON object.</summary>
    public static ClientConfigDocument Read(string path, string client)
    {
        string text;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw new FormatException($"{path}: larger than {MaxFileBytes} bytes; not an MCP config file.");
            }

            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"{path}: cannot be read ({ex.Message}).", ex);
        }

        var lossless = true;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            lossless = false;
            try
            {
                // VS Code's files allow comments and trailing commas: readable, but not rewritable without losing them.
                root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{path}:{ex.LineNumber + 1}:{ex.BytePositionInLine + 1}: not valid JSON ({ex.Message}).", ex);
            }
        }

        if (root is not JsonObject map)
        {
            throw new FormatException($"{path}: the top level must be an object.");
        }

        var servers = map["mcpServers"] as JsonObject ?? map["servers"] as JsonObject ?? map["mcp.servers"] as JsonObject ?? (map["mcp"] as JsonObject)?["servers"] as JsonObject;
        return new ClientConfigDocument(path, client, map, servers, lossless, text.EndsWith('\n'));
    }

    /// <summary>The document as it would be written: two-space indentation, the original final newline kept.</summary>
    public string Render() => _root.ToJsonString(Output) + (_endsWithNewline ? Environment.NewLine : string.Empty);

    /// <summary>Copies the file to a timestamped backup beside it, then replaces it atomically, keeping its permissions. Returns the backup's path.</summary>
    public string Save(DateTimeOffset now)
    {
        var backup = $"{Path}.{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.vanguard-backup";
        File.Copy(Path, backup, overwrite: true);
        var temporary = $"{Path}.vanguard-{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, Render(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (!OperatingSystem.IsWindows())
        {
            // ~/.claude.json and friends may hold tokens and be private to the user: the new file keeps the old mode.
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(Path));
        }

        File.Move(temporary, Path, overwrite: true);
        return backup;
    }

    /// <summary>Pretty JSON of one entry, for diffs and the text to paste by hand.</summary>
    public static string Show(JsonNode? entry) => entry?.ToJsonString(Output) ?? "null";
}
