using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpVanguard.Scanning;

namespace McpVanguard.Cli.Configure;

/// <summary>
/// An MCP client's config file (<see cref="McpConfigFile"/>) opened for editing: everything but the edited entries kept as
/// read (unknown fields, other entries, key order), and written back atomically with a backup beside it.
/// </summary>
internal sealed class ClientConfigDocument
{
    private static readonly JsonSerializerOptions Output = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly McpConfigFile _file;

    private ClientConfigDocument(McpConfigFile file, string client)
    {
        _file = file;
        Client = client;
    }

    public string Path => _file.Path;

    public string Client { get; }

    /// <summary>The server maps: the user-level one, then Claude Code's per-project ones; none when the file has no servers.</summary>
    public IReadOnlyList<McpServerMap> Maps => _file.Maps;

    /// <summary>False when the file has comments or trailing commas, which writing it back would lose: such a file is never rewritten.</summary>
    public bool Lossless => _file.Lossless;

    /// <summary>Reads <paramref name="path"/>; throws <see cref="FormatException"/> naming the file when it is not a JSON object.</summary>
    public static ClientConfigDocument Read(string path, string client) => new(McpConfigFile.Read(path), client);

    /// <summary>The document as it would be written: two-space indentation, the original final newline kept.</summary>
    public string Render() => _file.Root.ToJsonString(Output) + (_file.EndsWithNewline ? Environment.NewLine : string.Empty);

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
