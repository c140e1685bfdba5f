using System.Text.Json;
using System.Text.Json.Serialization;

namespace McpVanguard.Integrity;

/// <summary>The pin file (<c>pins.json</c>, also the format of a baseline): per server, the approved definitions of its tools,
/// prompts, resources and resource templates, and the changes awaiting approval.</summary>
public sealed record PinFile
{
    /// <summary>Version 2 added prompts, resources and resource templates; a version-1 file (tools only) still loads.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The oldest version this build reads.</summary>
    public const int OldestReadableVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>By server identity (<see cref="ServerKey.Identity"/>).</summary>
    public Dictionary<string, PinnedServer> Servers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>How the file is written: snake_case keys, enum names in lower case, indented so people can read and review it.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new()
    {
        TypeInfoResolver = PinFileJsonContext.Default,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Descriptions hold '<', '>' and non-ASCII text: keep them readable in a file people review.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Serialisation metadata for <see cref="SerializerOptions"/> (source-generated).</summary>
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<PinFile> TypeInfo { get; } =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<PinFile>)SerializerOptions.GetTypeInfo(typeof(PinFile));
}

/// <summary>Source-generated serialisation of the pin file: no reflection warm-up on the first <c>tools/list</c>, which runs within an inspector's time budget.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PinFile))]
internal sealed partial class PinFileJsonContext : JsonSerializerContext;

/// <summary>One server's pins: identified by its upstream (command line or URL) and the name it gives in <c>serverInfo</c>.</summary>
public sealed record PinnedServer
{
    public required string Upstream { get; init; }

    public string? ServerName { get; init; }

    /// <summary>The configured <c>server_id</c> the server was last seen under (informational; not part of the identity).</summary>
    public string? ServerId { get; set; }

    public DateTimeOffset FirstSeen { get; init; }

    public DateTimeOffset LastSeen { get; set; }

    /// <summary>Approved definitions by tool name.</summary>
    public Dictionary<string, PinnedTool> Tools { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Observed changes not yet approved, by tool name.</summary>
    public Dictionary<string, PendingChange> Pending { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Prompts by name; null until the server's first <c>prompts/list</c> (so that one is trusted on first use).</summary>
    public PinnedItems? Prompts { get; set; }

    /// <summary>Resources by uri; null until the server's first <c>resources/list</c>.</summary>
    public PinnedItems? Resources { get; set; }

    /// <summary>Resource templates by uriTemplate; null until the server's first <c>resources/templates/list</c>.</summary>
    public PinnedItems? ResourceTemplates { get; set; }

    /// <summary>The pins and pending changes of one kind of list; null when the server never listed that kind (tools always exist).</summary>
    public (Dictionary<string, PinnedTool> Pins, Dictionary<string, PendingChange> Pending)? Of(PinKind kind) => kind switch
    {
        PinKind.Tool => (Tools, Pending),
        PinKind.Prompt => Prompts is { } p ? (p.Pins, p.Pending) : null,
        PinKind.Resource => Resources is { } r ? (r.Pins, r.Pending) : null,
        _ => ResourceTemplates is { } t ? (t.Pins, t.Pending) : null,
    };

    /// <summary>Starts pinning a kind of list the server never listed before.</summary>
    public (Dictionary<string, PinnedTool> Pins, Dictionary<string, PendingChange> Pending) Create(PinKind kind)
    {
        var items = new PinnedItems();
        switch (kind)
        {
            case PinKind.Prompt: Prompts = items; break;
            case PinKind.Resource: Resources = items; break;
            case PinKind.ResourceTemplate: ResourceTemplates = items; break;
            default: return (Tools, Pending);
        }

        return (items.Pins, items.Pending);
    }
}

/// <summary>The approved prompts, resources or resource templates of a server, and their changes awaiting approval.</summary>
public sealed record PinnedItems
{
    /// <summary>Approved definitions by name (prompts) or uri / uriTemplate (resources, templates).</summary>
    public Dictionary<string, PinnedTool> Pins { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Observed changes not yet approved, by the same key.</summary>
    public Dictionary<string, PendingChange> Pending { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>An approved definition of a tool (or prompt, resource, template): its fingerprint and (when not too large) its canonical JSON, for diffs.</summary>
public sealed record PinnedTool(string Sha256, JsonElement? Definition, DateTimeOffset Pinned);

/// <summary>A change to a tool seen after it was pinned, kept until approved (or until the server reverts it).</summary>
/// <param name="Sha256">The new definition's fingerprint; null for a removal.</param>
/// <param name="Definition">The new canonical definition; null for a removal or when larger than the store keeps.</param>
public sealed record PendingChange(PinChange Change, string? Sha256, JsonElement? Definition, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>What happened to a tool relative to its pin.</summary>
public enum PinChange
{
    /// <summary>Its description or schema differs from the pinned one (a rug pull, until approved).</summary>
    [JsonStringEnumMemberName("changed")]
    Changed,

    /// <summary>A tool the server did not offer when it was pinned.</summary>
    [JsonStringEnumMemberName("added")]
    Added,

    /// <summary>A pinned tool the server no longer offers.</summary>
    [JsonStringEnumMemberName("removed")]
    Removed,
}
