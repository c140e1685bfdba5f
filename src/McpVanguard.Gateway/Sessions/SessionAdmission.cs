using McpVanguard.Configuration;
using McpVanguard.Gateway.Messages;
using McpVanguard.Gateway.Security;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Protocol;
using McpVanguard.Transports.Stdio;
using Microsoft.AspNetCore.Http;

namespace McpVanguard.Gateway.Sessions;

/// <summary>Opens a session for an HTTP request (both transports), or answers why not: 503 at the session cap, 502 when the upstream cannot start.</summary>
internal sealed class SessionAdmission(SessionStore store, SessionFactory factory, GatewaySettings settings)
{
    public SessionStore Store => store;

    /// <summary>The nesting limit the relay parses with; an endpoint that reads a body to route it uses the same.</summary>
    public int MaxDepth => factory.MaxDepth;

    public async Task<GatewaySession?> OpenAsync(HttpContext context, UpstreamDefinition server, bool legacySse)
    {
        if (!store.TryReserve())
        {
            context.Response.Headers.RetryAfter = "5";
            await HttpReply.ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, JsonRpcErrorCodes.LimitExceeded,
                $"Service Unavailable: the gateway already has its maximum of {settings.MaxSessions} sessions (gateway.max_sessions); end a session or retry later.").ConfigureAwait(false);
            return null;
        }

        GatewaySession session;
        try
        {
            session = factory.Create(server, CallerClaims.CallerFrom(context.User), legacySse);
        }
        catch (UpstreamStartException ex)
        {
            store.Release();
            await HttpReply.ErrorAsync(context, StatusCodes.Status502BadGateway, JsonRpcErrorCodes.UpstreamUnavailable, $"Bad Gateway: {ex.Message}").ConfigureAwait(false);
            return null;
        }

        store.Add(session);
        session.Start(gone => store.End(gone.Id));
        return session;
    }
}
