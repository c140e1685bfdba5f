using Microsoft.AspNetCore.Http;

namespace McpVanguard.ConformanceServer;

/// <summary>
/// DNS-rebinding protection for a loopback server: a request whose Host or Origin names anything but
/// localhost, 127.0.0.1 or [::1] is refused with 403 before it reaches MCP.
/// </summary>
internal sealed class LoopbackHostFilter(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Host.Host;
        var origin = context.Request.Headers.Origin.ToString();
        if (!IsLoopbackName(host) || (origin.Length > 0 && !IsLoopbackOrigin(origin)))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsync("Forbidden: Host or Origin is not a loopback name.");
        }

        return next(context);
    }

    private static bool IsLoopbackOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && IsLoopbackName(uri.Host);

    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host is "127.0.0.1" or "[::1]" or "::1";
}
