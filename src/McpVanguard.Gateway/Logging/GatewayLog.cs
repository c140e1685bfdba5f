using McpVanguard.Gateway.Messages;
using Microsoft.Extensions.Logging;

namespace McpVanguard.Gateway.Logging;

/// <summary>Gateway events (sessions, refusals, shutdown); event ids 2000–2099 (docs/GATEWAY.md lists every range).</summary>
internal static partial class GatewayLog
{
    /// <summary>The category every gateway event is logged under.</summary>
    public const string Category = "McpVanguard.Gateway";

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Refused {Method} {Path}: {Refusal} ({Status}).")]
    public static partial void Refused(ILogger logger, string method, string path, Refusal refusal, int status);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "A session for server '{ServerId}' could not open its upstream: {Reason}")]
    public static partial void UpstreamStartFailed(ILogger logger, string serverId, string reason);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Warning, Message = "A request named a session held by instance '{Owner}', not this one ('{Self}'): answered 404; the load balancer must route on Mcp-Session-Id (docs/SCALE-OUT.md).")]
    public static partial void Misrouted(ILogger logger, string owner, string self);
}
