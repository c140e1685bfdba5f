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

}
