using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpVanguard.Cli.Configure;

/// <summary>
/// The entries <c>vanguard configure</c> rewrote, each with its original and what was written, kept in the state
/// directory (owner-only: an entry may carry tokens). <c>--undo</c> gives an entry its original back exactly while it
/// still reads as written (<c>"args": []</c>, a gateway-fronted URL and its headers cannot be derived from the rewrite).
/// </summary>
internal sealed class ConfigureLedger
{
    /// <summary>A ledger of a lifetime of configures stays small; beyond this the oldest records go first.</summary>
    private const int MaxRecords = 1000;

    private readonly string _path;
    private readonly List<JsonObject> _records;

    private ConfigureLedger(string path, List<JsonObject> records)
    {
        _path = path;
        _records = records;
    }

    /// <summary>Opens the ledger at <paramref name="path"/>; a missing or unreadable one is empty (undo then derives what it can).</summary>
    public static ConfigureLedger Open(string path)
    {
        try
        {
            if (File.Exists(path) && JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8)) is JsonArray records)
            {
                return new ConfigureLedger(path, [.. records.OfType<JsonObject>().Select(r => (JsonObject)r.DeepClone())]);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // A damaged ledger must not stop configure: entries it cannot restore exactly are unwrapped by derivation.
        }

        return new ConfigureLedger(path, []);
    }

    /// <summary>Remembers that entry <paramref name="name"/> of <paramref name="file"/> was <paramref name="original"/> and is now <paramref name="written"/>.</summary>
    public void Remember(string file, string? project, string name, JsonNode original, JsonNode written)
    {
        _records.RemoveAll(r => Matches(r, file, project, name));
        _records.Add(new JsonObject
        {
            ["file"] = file,
            ["project"] = project,
            ["name"] = name,
            ["original"] = original.DeepClone(),
            ["written"] = written.DeepClone(),
        });
        if (_records.Count > MaxRecords)
        {
            _records.RemoveRange(0, _records.Count - MaxRecords);
        }
    }

    /// <summary>The entry's original, when the ledger has one and the entry still reads exactly as configure wrote it.</summary>
    public JsonNode? OriginalOf(string file, string? project, string name, JsonNode? current)
        => _records.LastOrDefault(r => Matches(r, file, project, name)) is { } record && JsonNode.DeepEquals(record["written"], current)
            ? record["original"]?.DeepClone()
            : null;

    /// <summary>Drops the record of an entry that was restored.</summary>
    public void Forget(string file, string? project, string name) => _records.RemoveAll(r => Matches(r, file, project, name));

    /// <summary>Writes the ledger atomically, readable by its owner only.</summary>
    public void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = $"{_path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(new JsonArray([.. _records.Select(r => (JsonNode)r.DeepClone())]).ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
        }

        File.Move(temporary, _path, overwrite: true);
    }

    private static bool Matches(JsonObject record, string file, string? project, string name)
        => (string?)record["file"] == file && (string?)record["project"] == project && (string?)record["name"] == name;
}
