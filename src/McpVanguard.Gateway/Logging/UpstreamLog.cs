using Microsoft.Extensions.Logging;

namespace McpVanguard.Gateway.Logging;

/// <summary>
/// Upstream events (children, shared children, remote servers); event ids 2200–2299 (docs/GATEWAY.md lists every range).
/// Source-generated: a disabled level costs one check, and no message is formatted.
/// </summary>
internal static partial class UpstreamLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Shared server '{ServerId}': child {ProcessId} started.")]
    public static partial void SharedChildStarted(ILogger logger, string serverId, int processId);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Shared server '{ServerId}': child {ProcessId} exited; {Pending} pending request(s) failed, the next request starts a replacement.")]
    public static partial void SharedChildExited(ILogger logger, string serverId, int processId, int pending);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Shared server '{ServerId}' sent {What}; it belongs to no session and was dropped.")]
    public static partial void SharedChildUnroutable(ILogger logger, string serverId, string what);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Shared server '{ServerId}' asked a client for '{Method}' while several sessions share it; it was answered with an error.")]
    public static partial void SharedChildServerRequestRefused(ILogger logger, string serverId, string method);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "Shared server '{ServerId}': a session fell {Capacity} messages behind and was ended.")]
    public static partial void SharedSessionOverflow(ILogger logger, string serverId, int capacity);
}
