using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.Messages;
using McpVanguard.Gateway.Sessions;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using Microsoft.AspNetCore.Http;

namespace McpVanguard.Gateway.Sse;

/// <summary>
/// The legacy HTTP+SSE transport (2024-11-05): GET <c>/sse</c> opens a session and its one stream, whose first event names
/// the POST endpoint (<c>/messages?sessionId=…</c>); client messages POSTed there are accepted (202) and every answer
/// comes on the stream. The session lives as long as the stream.
/// </summary>
internal sealed class LegacySseEndpoint(SessionAdmission admission, Configuration.GatewaySettings settings, CancellationToken stopping)
{
    private SessionStore Store => admission.Store;

    public const string MessagesPath = "/messages";

    private static ReadOnlySpan<byte> EndpointEvent => "event: endpoint\n"u8;

    public async Task StreamAsync(HttpContext context, UpstreamDefinition server)
    {
        if (await admission.OpenAsync(context, server, legacySse: true).ConfigureAwait(false) is not { } session)
        {
            return;
        }

        session.StreamOpened();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, session.Ended, stopping);
        try
        {
            await SseEventWriter.StartAsync(context.Response, ended.Token).ConfigureAwait(false);
            var writer = context.Response.BodyWriter;
            // Relative to where the gateway is mounted, so that it works behind a reverse proxy with a path prefix.
            var endpoint = System.Text.Encoding.UTF8.GetBytes($"{context.Request.PathBase}{MessagesPath}?sessionId={session.Id}");
            await SseEventWriter.WriteAsync(writer, EndpointEvent, endpoint, ended.Token).ConfigureAwait(false);
            await StandaloneStream.PumpAsync(session.Outbox.Standalone, context.Response, ended.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client closed the stream, the upstream ended, or the gateway is stopping.
        }
        finally
        {
            session.StreamClosed();
            Store.End(session.Id);
        }
    }

    public async Task PostAsync(HttpContext context)
    {
        var id = context.Request.Query["sessionId"].ToString();
        if (id.Length == 0)
        {
            await HttpReply.RefuseAsync(context, Refusal.SseSessionIdRequired).ConfigureAwait(false);
            return;
        }

        if (!Store.TryGet(id, out var session) || !session.Outbox.IsLegacySse || !session.BelongsTo(CallerClaims.CallerFrom(context.User)))
        {
            await HttpReply.RefuseAsync(context, Refusal.SseSessionNotFound).ConfigureAwait(false);
            return;
        }

        var body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await session.Relay.OversizedAsync(Direction.AgentToServer, CancellationToken.None).ConfigureAwait(false);
            await HttpReply.RefuseAsync(context, Refusal.BodyTooLarge, null, settings.MaxBodyBytes).ConfigureAwait(false);
            return;
        }

        // Parsed once, for the check below and for the relay (which takes it over).
        var inbound = InboundMessage.Parse(body, session.Relay.MaxDepth);

        // The legacy session exists before its initialize (GET /sse makes it), so the first one passes and any later one is refused.
        if (inbound.IsInitialize && !session.TryMarkInitialized())
        {
            inbound.Dispose();
            await HttpReply.SecondInitializeAsync(context, inbound.Id).ConfigureAwait(false);
            return;
        }

        session.Touch();
        // Every answer, including a refusal, goes on the session's stream, as the legacy transport requires.
        await session.Relay.FromAgentAsync(inbound, replyTo: null, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }
}
