using McpVanguard.Sessions;

namespace McpVanguard.Relay;

/// <summary>The state of one agent connection: its id, upstream and the requests in flight both ways.</summary>
public sealed class RelaySession(string sessionId, string serverId, int maxPending, TimeSpan pendingTimeout)
{
    public string SessionId { get; } = sessionId;

    public string ServerId { get; } = serverId;

    /// <summary>The verified caller of a gateway session; null for a local stdio session.</summary>
    public CallerIdentity? Caller { get; init; }

    /// <summary>The upstream as configured: the server's command line (stdio) or URL (HTTP); keys the tool pins.</summary>
    public string? Upstream { get; init; }

    /// <summary>The <c>serverInfo.name</c> from the server's <c>initialize</c> result (set by the relay when it passes).</summary>
    public string? ServerName { get; set; }

    /// <summary>Agent requests forwarded to the server and not yet answered.</summary>
    public PendingRequestTable AgentRequests { get; } = new(maxPending, pendingTimeout);

    /// <summary>Server-initiated requests (sampling, elicitation, roots) forwarded to the agent and not yet answered.</summary>
    public PendingRequestTable ServerRequests { get; } = new(maxPending, pendingTimeout);

    /// <summary>Tools found poisoned in this session, by server id: hidden from lists and refused when called.</summary>
    public Inspection.Metadata.ToolQuarantine Quarantine { get; } = new();

    public static string NewId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
}
