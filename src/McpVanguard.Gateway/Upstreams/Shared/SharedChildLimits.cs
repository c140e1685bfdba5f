namespace McpVanguard.Gateway.Upstreams.Shared;

/// <summary>The bounds of share mode, from the gateway's settings.</summary>
/// <param name="MaxPendingPerChild">Requests one child may have unanswered across all its sessions (the remap table's size).</param>
/// <param name="PendingTimeout">After this a remap entry is forgotten (the session's relay gave up on it long before).</param>
/// <param name="InboxCapacity">Messages waiting for one session's relay; a session that falls this far behind is ended, not waited for.</param>
internal sealed record SharedChildLimits(TimeSpan ShutdownGrace, int MaxMessageBytes, TimeSpan UpstreamTimeout, int MaxPendingPerChild, TimeSpan PendingTimeout, int InboxCapacity = 4096);
