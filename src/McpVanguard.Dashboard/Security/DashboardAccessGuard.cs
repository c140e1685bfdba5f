using McpVanguard.Gateway.Security;
using Microsoft.AspNetCore.Http;

namespace McpVanguard.Dashboard.Security;

/// <summary>
/// Every request to the dashboard passes here first. DNS rebinding: the <c>Host</c> must be a loopback name with the port
/// the request arrived on (a rebinding page names its own host). Cross-site: an <c>Origin</c>, when sent, must be the
/// dashboard's own, and every POST must send it and the CSRF token. Access: the token of the printed URL, exchanged once
/// for an HttpOnly SameSite=Strict cookie (and the URL cleaned, so the token stays out of history and referrers).
/// </summary>
internal sealed class DashboardAccessGuard(DashboardSecrets secrets)
{
    public const string CookieName = "vanguard_ui";
    public const string CsrfField = "csrf";
    public const string CsrfHeader = "X-Vanguard-Csrf";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var response = context.Response;

        // No Referer leaves for another site (the token URL is cleaned at once anyway). Not no-referrer: with it a browser
        // sends "Origin: null" on a form POST, and the Origin check below would refuse the dashboard's own Approve button.
        // Pages are never cached; scripts and styles come from here only.
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

        if (!HostAllowed(context))
        {
            await RefuseAsync(context, StatusCodes.Status421MisdirectedRequest, "This dashboard answers only to its loopback address (Host refused).").ConfigureAwait(false);
            return;
        }

        var origin = request.Headers.Origin.ToString();
        var ownOrigin = $"{request.Scheme}://{request.Host.Value}";
        if (origin.Length > 0 && !string.Equals(origin, ownOrigin, StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "Cross-origin request refused.").ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsGet(request.Method) && request.Query.TryGetValue("token", out var token))
        {
            if (!DashboardSecrets.Same(token.ToString(), secrets.AccessToken))
            {
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "Wrong token: open the URL `vanguard ui` printed.").ConfigureAwait(false);
                return;
            }

            response.Cookies.Append(CookieName, secrets.AccessToken, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });
            response.Redirect(request.PathBase + request.Path);
            return;
        }

        if (!DashboardSecrets.Same(request.Cookies[CookieName], secrets.AccessToken))
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "Not signed in: open the URL `vanguard ui` printed (it carries a one-time token).").ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            // A POST must come from a page of this dashboard: browsers always send Origin on POST, and only our pages know the CSRF token.
            var csrf = request.Headers[CsrfHeader].ToString();
            if (csrf.Length == 0 && request.HasFormContentType)
            {
                csrf = (await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false))[CsrfField].ToString();
            }

            if (origin.Length == 0 || !DashboardSecrets.Same(csrf, secrets.CsrfToken))
            {
                await RefuseAsync(context, StatusCodes.Status403Forbidden, "Missing or wrong CSRF token.").ConfigureAwait(false);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>A loopback name (shared with the gateway's check) and the very port this connection arrived on.</summary>
    private static bool HostAllowed(HttpContext context)
    {
        var host = context.Request.Host;
        return host.HasValue
            && LoopbackAddress.IsLoopback(host.Host)
            && host.Port == context.Connection.LocalPort;
    }

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }
}
