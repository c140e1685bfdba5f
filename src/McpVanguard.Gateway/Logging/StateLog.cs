using Microsoft.Extensions.Logging;

namespace McpVanguard.Gateway.Logging;

/// <summary>Shared-state and scale-out events (session directory, affinity); event ids 2600–2699 (docs/GATEWAY.md lists every range).</summary>
internal static partial class StateLog
{
    [LoggerMessage(EventId = 2601, Level = LogLevel.Warning, Message = "A request named a session held by instance '{Owner}', not this one ('{Self}'): answered 404; the load balancer must route on Mcp-Session-Id (docs/SCALE-OUT.md).")]
    public static partial void Misrouted(ILogger logger, string owner, string self);
}
