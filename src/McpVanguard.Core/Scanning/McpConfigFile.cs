using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpVanguard.Scanning;

/// <summary>
/// An MCP client's config file read as a JSON tree, with every server map in it (<see cref="McpServerMap"/>). Comments
/// and trailing commas are accepted, as VS Code accepts them, but mark the file as not <see cref="Lossless"/>.
/// </summary>
public sealed class McpConfigFile
{
    /// <summary>Client config files are hand-written and small; a larger file is not one.</summary>
    private const long MaxFileBytes = 4 * 1024 * 1024;

    private McpConfigFile(string path, JsonObject root, bool lossless, bool endsWithNewline)
    {
        Path = path;
        Root = root;
        Lossless = lossless;
        EndsWithNewline = endsWithNewline;
        Maps = McpServerMap.FindAll(root);
    }

    public string Path { get; }

    /// <summary>The whole document; edits to <see cref="Maps"/> are edits to it.</summary>
    public JsonObject Root { get; }

    /// <summary>The server maps, the user-level one first, then Claude Code's per-project ones.</summary>
    public IReadOnlyList<McpServerMap> Maps { get; }

    /// <summary>False when the file has comments or trailing commas, which writing the tree back would lose.</summary>
    public bool Lossless { get; }

    public bool EndsWithNewline { get; }

    /// <summary>Reads <paramref name="path"/>; throws <see cref="FormatException"/> naming the file (and line) when it is not a JSON object.</summary>
    public static McpConfigFile Read(string path)
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
                root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{path}:{ex.LineNumber + 1}:{ex.BytePositionInLine + 1}: not valid JSON ({ex.Message}).", ex);
            }
        }

        return root is JsonObject map
            ? new McpConfigFile(path, map, lossless, text.EndsWith('\n'))
            : throw new FormatException($"{path}: the top level must be an object.");
    }
}
