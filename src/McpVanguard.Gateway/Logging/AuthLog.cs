using Microsoft.Extensions.Logging;

namespace McpVanguard.Gateway.Logging;

/// <summary>Authentication and rate-limit events; event ids 2100–2199 (docs/GATEWAY.md lists every range). Never a credential.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Fetched {Count} signing keys from {Url}")]
    public static partial void JwksFetched(ILogger logger, Uri url, int count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Could not refresh signing keys from {Url}: {Reason}; the cached keys stay in use")]
    public static partial void JwksFetchFailed(ILogger logger, Uri url, string reason);

}
