using System.Text.Json;
using System.Text.Json.Nodes;
using McpVanguard.Scanning;

namespace McpVanguard.Cli.Configure;

/// <summary>What the state of one server entry is, or what wrapping or unwrapping it did.</summary>
internal enum EntryState
{
    /// <summary>A stdio entry not behind vanguard.</summary>
    Unwrapped,

    /// <summary>A stdio entry whose command runs <c>vanguard start</c>.</summary>
    Wrapped,

    /// <summary>An HTTP entry (<c>url</c> or <c>serverUrl</c>): vanguard fronts it with <c>vanguard serve</c>, not by rewriting the entry.</summary>
    Http,

    /// <summary>Neither a usable command nor a URL.</summary>
    Invalid,
}

/// <summary>
/// Puts a stdio server entry behind <c>vanguard start</c> and takes it out again. Only <c>command</c> and <c>args</c>
/// change; every other field (env, type, cwd, unknown ones) stays as it was, and unwrapping gives the original values back.
/// </summary>
internal static class ServerEntryRewriter
{
    public static EntryState StateOf(JsonNode? entry) => Read(entry) switch
    {
        null when entry is JsonObject o && (o["url"] ?? o["serverUrl"]) is JsonValue => EntryState.Http,
        null => EntryState.Invalid,
        var argv when VanguardWrapping.TryRead(argv) is not null => EntryState.Wrapped,
        _ => EntryState.Unwrapped,
    };

    /// <summary>
    /// Wraps an unwrapped stdio entry in place: <c>command</c> becomes the vanguard executable, <c>args</c> becomes
    /// <c>start --server-id NAME -- CMD ARGS</c>. Returns false (unchanged) for any other state.
    /// </summary>
    /// <param name="vanguard">The absolute command that runs vanguard: its executable, or <c>dotnet</c> and <c>vanguard.dll</c>.</param>
    public static bool Wrap(JsonObject entry, string name, IReadOnlyList<string> vanguard)
    {
        if (StateOf(entry) != EntryState.Unwrapped || Read(entry) is not { } argv)
        {
            return false;
        }

        entry["command"] = vanguard[0];
        entry["args"] = new JsonArray([.. vanguard.Skip(1).Append("start").Append("--server-id").Append(ServerId(name)).Append("--").Concat(argv).Select(a => (JsonNode?)JsonValue.Create(a))]);
        return true;
    }

    /// <summary>
    /// Points a wrapped entry at another vanguard (after an upgrade or a move, the copy the client launches is not the
    /// one installed): only the launcher before <c>start</c> changes. Returns false when the entry is not wrapped or
    /// already launches <paramref name="vanguard"/>.
    /// </summary>
    public static bool Repoint(JsonObject entry, IReadOnlyList<string> vanguard)
    {
        if (Read(entry) is not { } argv || VanguardWrapping.TryRead(argv) is not { } wrapping || wrapping.Launcher.SequenceEqual(vanguard))
        {
            return false;
        }

        entry["command"] = vanguard[0];
        entry["args"] = new JsonArray([.. vanguard.Skip(1).Concat(argv.Skip(wrapping.Launcher.Count)).Select(a => (JsonNode?)JsonValue.Create(a))]);
        return true;
    }

    /// <summary>The wrapping of a wrapped entry (what it launches and wraps), or null.</summary>
    public static VanguardWrapping? WrappingOf(JsonNode? entry) => Read(entry) is { } argv ? VanguardWrapping.TryRead(argv) : null;

    /// <summary>Puts the wrapped server's own command and arguments back. Returns false (unchanged) when the entry is not wrapped.</summary>
    public static bool Unwrap(JsonObject entry)
    {
        if (Read(entry) is not { } argv || VanguardWrapping.TryRead(argv) is not { } wrapping)
        {
            return false;
        }

        entry["command"] = wrapping.Inner[0];
        if (wrapping.Inner.Count > 1)
        {
            entry["args"] = new JsonArray([.. wrapping.Inner.Skip(1).Select(a => (JsonNode?)JsonValue.Create(a))]);
        }
        else
        {
            // Wrapping added args to an entry that had none: the entry goes back to having none.
            entry.Remove("args");
        }

        return true;
    }

    /// <summary>
    /// Points an HTTP entry at a <c>vanguard serve</c> gateway: its URL becomes the gateway's route for this server
    /// (<c>/mcp/ID</c>, or <c>/sse/ID</c> for a legacy SSE entry) and its <c>headers</c> go, since they are the upstream's
    /// credentials and now belong in the gateway's <c>servers:</c> entry. Returns the upstream URL and the removed header
    /// names, or null (unchanged) when the entry is not an HTTP entry or already points there.
    /// </summary>
    public static (string Upstream, IReadOnlyList<string> Headers)? PointAtGateway(JsonObject entry, string name, Uri gateway)
    {
        var key = entry["url"] is JsonValue ? "url" : entry["serverUrl"] is JsonValue ? "serverUrl" : null;
        if (key is null || StateOf(entry) != EntryState.Http || entry[key]!.GetValue<string>() is not { } upstream)
        {
            return null;
        }

        string Route(string transport) => $"{gateway.AbsoluteUri.TrimEnd('/')}/{transport}/{ServerId(name)}";
        if (upstream == Route("mcp") || upstream == Route("sse"))
        {
            return null;
        }

        var legacySse = (string?)entry["type"] == "sse" || upstream.TrimEnd('/').EndsWith("/sse", StringComparison.OrdinalIgnoreCase);
        var target = Route(legacySse ? "sse" : "mcp");

        entry[key] = target;
        var headers = (entry["headers"] as JsonObject)?.Select(h => h.Key).ToList() ?? [];
        entry.Remove("headers");
        return (upstream, headers);
    }

    /// <summary>The audit server id for an entry name: the name itself when it is a valid id, otherwise its letters and digits with '-' for the rest.</summary>
    public static string ServerId(string name)
    {
        var id = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
        id = id.Length > 64 ? id[..64] : id;
        return id.Length == 0 ? "server" : id;
    }

    /// <summary>The entry's command line (<c>command</c> then the string <c>args</c>), or null when it has no command or a non-string argument.</summary>
    private static List<string>? Read(JsonNode? entry)
    {
        if (entry is not JsonObject o || o["command"] is not JsonValue command || command.GetValueKind() != JsonValueKind.String || command.GetValue<string>() is not { Length: > 0 } text)
        {
            return null;
        }

        var argv = new List<string> { text };
        if (o["args"] is JsonArray args)
        {
            foreach (var arg in args)
            {
                if (arg is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
                {
                    return null;
                }

                argv.Add(value.GetValue<string>());
            }
        }
        else if (o["args"] is not null)
        {
            return null;
        }

        return argv;
    }
}
