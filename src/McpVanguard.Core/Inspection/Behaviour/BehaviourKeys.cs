namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// The state keys of L3: per session, per principal (the verified gateway caller) and per server within a session, each
/// under the deployment prefix so that deployments sharing a backend never see each other's windows.
/// </summary>
public sealed class BehaviourKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    /// <summary>Every step of one agent connection, whichever server it went through.</summary>
    public string Session(string sessionId) => $"{Prefix}:session:{sessionId}";

    /// <summary>Every step of one verified caller across its sessions (cross-session, cross-server chains).</summary>
    public string Principal(Sessions.CallerIdentity caller) => $"{Prefix}:principal:{caller.Scheme}:{caller.Name}";

    /// <summary>A budget (bytes, items) of what one server returned to one session.</summary>
    public string ServerBudget(string sessionId, string serverId, string what) => $"{Prefix}:session:{sessionId}:server:{serverId}:{what}";
}
