using System.Net;

namespace McpVanguard.Gateway.Security;

/// <summary>The one loopback test of the gateway: for the bind address, for Origin and Host checks, and for URLs that may use plain http.</summary>
public static class LoopbackAddress
{
    /// <summary>
    /// Whether <paramref name="host"/> (an IP literal, bracketed or not, or a name) is this machine: <c>localhost</c>,
    /// 127.0.0.0/8 or ::1. Any other name is not loopback, since its DNS answer is not ours to trust.
    /// </summary>
    public static bool IsLoopback(string host)
        => host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.AsSpan().Trim("[]"), out var address) && IPAddress.IsLoopback(address));

    /// <summary>Whether an absolute URL points at this machine.</summary>
    public static bool IsLoopback(Uri uri) => IsLoopback(uri.Host);
}
