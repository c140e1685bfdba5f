namespace McpVanguard.State;

/// <summary>Whether the shared state is in use (<c>/readyz</c>, logs, audit): down, with why, and whether local state stands in.</summary>
/// <param name="Backend">Where shared state lives (<c>redis</c>).</param>
/// <param name="IsDown">The backend did not answer; nothing is sent to it until the background probe succeeds.</param>
/// <param name="Reason">Why it is down (no secrets: the backend's own message, without credentials).</param>
/// <param name="UsingLocal">Local state stands in (balanced, monitor); false under strict, which refuses instead.</param>
public sealed record StateHealth(string Backend, bool IsDown, string? Reason, bool UsingLocal)
{
    public static StateHealth Healthy(string backend) => new(backend, false, null, false);

    public static StateHealth Down(string backend, string reason, bool usingLocal) => new(backend, true, reason, usingLocal);

    /// <summary>One line for logs and <c>/readyz</c>.</summary>
    public string Describe() => !IsDown
        ? $"shared state ({Backend}) reachable"
        : UsingLocal
            ? $"degraded: shared state ({Backend}) unreachable ({Reason}); using this instance's local state (limits and L3 windows are per instance until it is back)"
            : $"shared state ({Backend}) unreachable ({Reason}); strict profile: new sessions are refused until it is back";
}
