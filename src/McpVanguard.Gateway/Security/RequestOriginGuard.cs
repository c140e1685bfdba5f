using McpVanguard.Gateway.Messages;
using McpVanguard.Protocol;
using Microsoft.AspNetCore.Http;

namespace McpVanguard.Gateway.Security;

/// <summary>
/// DNS-rebinding and cross-site protection, checked on every MCP request before anything else: the <c>Host</c> header must
/// name this gateway and a browser's <c>Origin</c> must be allowed (requests without one come from non-browser clients).
/// The gateway's own origin is always allowed; configured origins are; and only when <c>allowed_origins</c> is not
/// configured at all, a gateway bound to loopback also allows loopback origins (any local page: warned about at start).
/// </summary>
internal sealed class RequestOriginGuard
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    private readonly HashSet<string> _origins;
    private readonly bool _loopbackOrigins;
    private readonly List<(string Name, string? Port)> _hosts;
    private readonly bool _anyHost;

    /// <param name="originsConfigured">Whether <c>allowed_origins</c> was given, even as <c>[]</c> (strict: no other origin).</param>
    /// <param name="loopbackBound">Whether the gateway listens on loopback only: then loopback names (and, by default, origins) are allowed.</param>
    public RequestOriginGuard(IReadOnlyList<string> allowedOrigins, bool originsConfigured, IReadOnlyList<string> allowedHosts, bool loopbackBound)
    {
        _origins = new HashSet<string>(allowedOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);
        _loopbackOrigins = !originsConfigured && allowedOrigins.Count == 0 && loopbackBound;
        _hosts = [.. allowedHosts.Select(SplitHost)];
        if (allowedHosts.Count == 0 && loopbackBound)
        {
            _hosts.AddRange(LoopbackNames.Select(n => (n, (string?)null)));
        }

        // Bound to a public address with no names configured: the names it is reached by are unknown (a proxy, a DNS
        // name), so any Host passes; the Origin check still stops browsers on other sites.
        _anyHost = _hosts.Count == 0;
    }

    /// <summary>Writes the refusal and returns false when the request must not go further.</summary>
    public async ValueTask<bool> CheckAsync(HttpContext context)
    {
        var host = context.Request.Headers.Host.ToString();
        if (!_anyHost && !HostAllowed(host))
        {
            await HttpReply.RefuseAsync(context, Refusal.HostNotAllowed, null, Printable(host)).ConfigureAwait(false);
            return false;
        }

        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !OriginAllowed(origin) && !(!_anyHost && IsOwnOrigin(origin, context.Request)))
        {
            await HttpReply.RefuseAsync(context, Refusal.OriginNotAllowed, null, Printable(origin)).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private bool HostAllowed(string header)
    {
        var (name, port) = SplitHost(header);
        foreach (var (allowedName, allowedPort) in _hosts)
        {
            if (string.Equals(name, allowedName, StringComparison.OrdinalIgnoreCase) && (allowedPort is null || allowedPort == port))
            {
                return true;
            }
        }

        return false;
    }

    private bool OriginAllowed(string origin)
    {
        if (_origins.Contains(origin))
        {
            return true;
        }

        // "null" (sandboxed frames, file: pages) and anything unparsable are refused.
        return _loopbackOrigins
            && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && LoopbackAddress.IsLoopback(uri)
            && uri.AbsolutePath == "/";
    }

    /// <summary>
    /// The origin the gateway itself is reached at: never cross-site, provided the <c>Host</c> was checked against the
    /// gateway's names (with any Host accepted, a DNS-rebinding page would name itself in both headers).
    /// </summary>
    private static bool IsOwnOrigin(string origin, HttpRequest request)
        => origin.Length == request.Scheme.Length + 3 + request.Host.Value?.Length
            && origin.StartsWith(request.Scheme, StringComparison.OrdinalIgnoreCase)
            && origin.AsSpan(request.Scheme.Length).StartsWith("://", StringComparison.Ordinal)
            && origin.AsSpan(request.Scheme.Length + 3).Equals(request.Host.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>name:port</c>, <c>[v6]:port</c> or a bare name; the port is null when absent.</summary>
    private static (string Name, string? Port) SplitHost(string value)
    {
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? (value, null) : (value[..(close + 1)], close + 2 < value.Length && value[close + 1] == ':' ? value[(close + 2)..] : null);
        }

        var colon = value.LastIndexOf(':');
        return colon < 0 ? (value, null) : (value[..colon], value[(colon + 1)..]);
    }

    /// <summary>Echoes a header back safely: bounded, without control characters.</summary>
    private static string Printable(string value)
    {
        var cut = value.Length > 100 ? value[..100] + "…" : value;
        return string.Concat(cut.Where(c => !char.IsControl(c)));
    }
}
