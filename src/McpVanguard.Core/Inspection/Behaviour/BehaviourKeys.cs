namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// The state keys of L3: per session, per principal (the verified gateway caller) and per server within a session, each
/// under the deployment prefix so that deployments sharing a backend never see each other's windows.
/// </summary>
public sealed class BehaviourKeys(string prefix)
{
    // The keys of the session seen last: every message of a stdio session (and most consecutive messages of a gateway
    // session) asks for the same ones, so they are built once per session instead of three strings per message.
    private SessionKeys? _last;

    public string Prefix { get; } = prefix;

    /// <summary>Every step of one agent connection, whichever server it went through.</summary>
    public string Session(string sessionId) => For(sessionId, null).Session;

    /// <summary>Every step of one verified caller across its sessions (cross-session, cross-server chains).</summary>
    public string Principal(Sessions.CallerIdentity caller) => $"{Prefix}:principal:{caller.Scheme}:{caller.Name}";

    /// <summary>A budget (bytes, items) of what one server returned to one session.</summary>
    public string ServerBudget(string sessionId, string serverId, string what) => what switch
    {
        "bytes" => For(sessionId, serverId).Bytes!,
        "items" => For(sessionId, serverId).Items!,
        _ => $"{Prefix}:session:{sessionId}:server:{serverId}:{what}",
    };

    private SessionKeys For(string sessionId, string? serverId)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && string.Equals(last.SessionId, sessionId, StringComparison.Ordinal)
            && (serverId is null || string.Equals(last.ServerId, serverId, StringComparison.Ordinal)))
        {
            return last;
        }

        var session = last is not null && string.Equals(last.SessionId, sessionId, StringComparison.Ordinal) ? last.Session : $"{Prefix}:session:{sessionId}";
        var server = serverId ?? (last is not null && string.Equals(last.SessionId, sessionId, StringComparison.Ordinal) ? last.ServerId : null);
        var keys = new SessionKeys(sessionId, server, session, server is null ? null : $"{session}:server:{server}:bytes", server is null ? null : $"{session}:server:{server}:items");
        // A race only builds the same strings twice: the memo is a cache, never the source of a key.
        Volatile.Write(ref _last, keys);
        return keys;
    }

    /// <summary>One session's keys (and those of the server it last asked about).</summary>
    private sealed record SessionKeys(string SessionId, string? ServerId, string Session, string? Bytes, string? Items);
}
