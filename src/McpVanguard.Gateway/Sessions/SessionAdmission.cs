using McpVanguard.Configuration;
using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.Messages;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Protocol;
using McpVanguard.Transports.Stdio;
using McpVanguard.Gateway.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpVanguard.Gateway.Sessions;

/// <summary>
/// Opens a session for an HTTP request (both transports), or answers why not: 429 when the verified caller holds its
/// <c>auth.max_sessions_per_principal</c>, 503 at the gateway's <c>max_sessions</c> or when the shared state is down under
/// the strict profile, 502 when the upstream cannot start.
/// </summary>
internal sealed class SessionAdmission(SessionStore store, SessionFactory factory, GatewaySettings settings)
{
    public SessionStore Store => store;

    /// <summary>The nesting limit the relay parses with; an endpoint that reads a body to route it uses the same.</summary>
    public int MaxDepth => factory.MaxDepth;

    public async Task<GatewaySession?> OpenAsync(HttpContext context, UpstreamDefinition server, bool legacySse)
    {
        var caller = CallerClaims.CallerFrom(context.User);
        var sessionId = SessionStore.NewSessionId(settings.SessionRoute);
        switch (await store.TryReserveAsync(caller, sessionId, context.RequestAborted).ConfigureAwait(false))
        {
            case SessionReservation.CallerFull:
                // The caller's own limit, not the gateway's: 429, so that a client backs off rather than reports an outage.
                context.Response.Headers.RetryAfter = "5";
                await HttpReply.RefuseAsync(context, Refusal.PrincipalSessionLimit, null, store.PerPrincipal.MaxSessionsPerPrincipal).ConfigureAwait(false);
                return null;
            case SessionReservation.GatewayFull:
                context.Response.Headers.RetryAfter = "5";
                await HttpReply.RefuseAsync(context, Refusal.GatewaySessionLimit, null, settings.MaxSessions).ConfigureAwait(false);
                return null;
            case SessionReservation.StateUnavailable:
                context.Response.Headers.RetryAfter = "5";
                await HttpReply.RefuseAsync(context, Refusal.StateUnavailable).ConfigureAwait(false);
                return null;
        }

        GatewaySession session;
        try
        {
            session = factory.Create(sessionId, server, caller, legacySse);
        }
        catch (UpstreamStartException ex)
        {
            store.Release(caller, sessionId);
            if (context.RequestServices?.GetService<ILoggerFactory>() is { } logs)
            {
                GatewayLog.UpstreamStartFailed(logs.CreateLogger(GatewayLog.Category), server.Id, ex.Message);
            }

            await HttpReply.RefuseAsync(context, Refusal.UpstreamUnavailable, null, ex.Message).ConfigureAwait(false);
            return null;
        }

        store.Add(session);
        session.Start(gone => store.End(gone.Id));
        return session;
    }
}
