using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using McpVanguard.Gateway.Logging;
using McpVanguard.Configuration;
using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.Messages;
using McpVanguard.Gateway.Sessions;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace McpVanguard.Gateway.Streamable;

/// <summary>
/// The MCP Streamable HTTP transport (2025-06-18, 2025-11-25) at <c>/mcp</c>: POST carries one client message and is
/// answered with JSON or an SSE stream, GET opens the session's standalone stream, DELETE ends the session. Every
/// message goes through the session's relay, exactly as on stdio.
/// </summary>
internal sealed class StreamableHttpEndpoint(SessionAdmission admission, GatewaySettings settings, CancellationToken stopping)
{
    private SessionStore Store => admission.Store;

    private static ReadOnlySpan<byte> MessageEvent => "event: message\n"u8;

    public async Task PostAsync(HttpContext context, UpstreamDefinition server)
    {
        var request = context.Request;
        if (!Accepts(request, "application/json") || !Accepts(request, "text/event-stream"))
        {
            await HttpReply.RefuseAsync(context, Refusal.NotAcceptable).ConfigureAwait(false);
            return;
        }

        if (!IsJson(request.ContentType))
        {
            await HttpReply.RefuseAsync(context, Refusal.UnsupportedMediaType).ConfigureAwait(false);
            return;
        }

        var sessionId = request.Headers[McpHeaders.SessionId].ToString();
        var caller = CallerClaims.CallerFrom(context.User);
        GatewaySession? existing = null;
        if (sessionId.Length > 0 && !TryFind(sessionId, server, caller, out existing))
        {
            await SessionNotFoundAsync(context, sessionId).ConfigureAwait(false);
            return;
        }

        var body = await RequestBody.ReadAsync(request, settings.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            if (existing is not null)
            {
                // Audited by the relay like an oversized stdio line; the HTTP answer is the 413, so the relay's own answer goes
                // to an exchange nobody reads rather than to the session's stream.
                var unread = new PostExchange(JsonRpcId.Null, null);
                await existing.Relay.OversizedAsync(Direction.AgentToServer, CancellationToken.None, unread).ConfigureAwait(false);
                unread.Close();
            }

            await HttpReply.RefuseAsync(context, Refusal.BodyTooLarge, null, settings.MaxBodyBytes).ConfigureAwait(false);
            return;
        }

        // Parsed once: the same message routes the POST here and is inspected by the relay, so the two can never disagree.
        var inbound = InboundMessage.Parse(body, admission.MaxDepth);
        var handedOver = false;
        try
        {
            if (existing is null)
            {
                if (!inbound.IsInitialize)
                {
                    await HttpReply.RefuseAsync(context, Refusal.SessionIdRequired, null, "; start a session with an initialize request").ConfigureAwait(false);
                    return;
                }

                existing = await admission.OpenAsync(context, server, legacySse: false).ConfigureAwait(false);
                if (existing is null)
                {
                    return;
                }

                existing.TryMarkInitialized();
                context.Response.Headers[McpHeaders.SessionId] = existing.Id;
                handedOver = true;
                await ExchangeAsync(context, existing, inbound, created: true).ConfigureAwait(false);
                return;
            }

            if (!await CheckProtocolVersionAsync(context).ConfigureAwait(false))
            {
                return;
            }

            if (inbound.IsInitialize && !existing.TryMarkInitialized())
            {
                await HttpReply.SecondInitializeAsync(context, inbound.Id).ConfigureAwait(false);
                return;
            }

            existing.Touch();
            handedOver = true;
            await ExchangeAsync(context, existing, inbound, created: false).ConfigureAwait(false);
        }
        finally
        {
            if (!handedOver)
            {
                inbound.Dispose();
            }
        }
    }

    public async Task GetAsync(HttpContext context, UpstreamDefinition server)
    {
        if (!Accepts(context.Request, "text/event-stream"))
        {
            await HttpReply.RefuseAsync(context, Refusal.StreamNotAcceptable).ConfigureAwait(false);
            return;
        }

        if (await RequireSessionAsync(context, server).ConfigureAwait(false) is not { } session)
        {
            return;
        }

        if (!session.Outbox.TryOpenStandalone())
        {
            await HttpReply.RefuseAsync(context, Refusal.StreamAlreadyOpen).ConfigureAwait(false);
            return;
        }

        session.StreamOpened();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, session.Ended, stopping);
        try
        {
            await SseEventWriter.StartAsync(context.Response, ended.Token).ConfigureAwait(false);
            await StandaloneStream.PumpAsync(session.Outbox.Standalone, context.Response, ended.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client closed the stream, the session ended, or the gateway is stopping.
        }
        finally
        {
            session.Outbox.CloseStandalone();
            session.StreamClosed();
        }
    }

    public async Task DeleteAsync(HttpContext context, UpstreamDefinition server)
    {
        if (await RequireSessionAsync(context, server).ConfigureAwait(false) is not { } session)
        {
            return;
        }

        Store.End(session.Id);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>
    /// Hands one client message (owned from here on by the relay) to the relay and answers the POST with whatever the relay
    /// and upstream send for it.
    /// </summary>
    private async Task ExchangeAsync(HttpContext context, GatewaySession session, InboundMessage inbound, bool created)
    {
        var isRequest = inbound.IsRequest;
        var id = inbound.Id;
        if (isRequest && !session.TryEnterRequest(settings.MaxConcurrentRequests))
        {
            inbound.Dispose();
            await HttpReply.RefuseAsync(context, Refusal.TooManyConcurrentRequests, id, settings.MaxConcurrentRequests).ConfigureAwait(false);
            return;
        }

        var exchange = new PostExchange(id, inbound.Message?.ProgressToken);
        try
        {
            if (!session.Outbox.Begin(exchange, isRequest))
            {
                inbound.Dispose();
                await HttpReply.RefuseAsync(context, Refusal.DuplicateRequestId, id, id).ConfigureAwait(false);
                return;
            }

            // Every refusal of this message comes back to this POST through the exchange (the relay's reply token).
            await session.Relay.FromAgentAsync(inbound, exchange, context.RequestAborted).ConfigureAwait(false);
            if (!isRequest)
            {
                // A notification or a response to a server request: accepted, unless the relay refused it as unreadable.
                if (exchange.Reader.TryRead(out var refusal))
                {
                    await HttpReply.JsonAsync(context.Response, StatusCodes.Status400BadRequest, refusal.Json, context.RequestAborted).ConfigureAwait(false);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status202Accepted;
                }

                return;
            }

            var answeredWithError = await RespondAsync(context, session, exchange, id, created).ConfigureAwait(false);
            if (answeredWithError)
            {
                // A refused or failed initialize leaves nothing to continue: free the child at once.
                Store.End(session.Id);
            }
        }
        finally
        {
            session.Outbox.End(exchange, isRequest);
            if (isRequest)
            {
                session.ExitRequest();
            }
        }
    }

    /// <summary>
    /// JSON when the response comes first; an SSE stream as soon as anything else comes first (progress, a server request),
    /// ending with the response. Returns whether an initialize (<paramref name="created"/>) was answered with an error.
    /// </summary>
    private async Task<bool> RespondAsync(HttpContext context, GatewaySession session, PostExchange exchange, JsonRpcId id, bool created)
    {
        var response = context.Response;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, session.Ended, stopping);
        wait.CancelAfter(settings.UpstreamTimeout);
        var reader = exchange.Reader;
        try
        {
            while (await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    if (message.Final && !exchange.IsStreaming)
                    {
                        await HttpReply.JsonAsync(response, StatusCodes.Status200OK, message.Json, context.RequestAborted).ConfigureAwait(false);
                        return created && message.IsError;
                    }

                    if (!exchange.IsStreaming)
                    {
                        await SseEventWriter.StartAsync(response, wait.Token).ConfigureAwait(false);
                        exchange.IsStreaming = true;
                    }

                    await SseEventWriter.WriteAsync(response.BodyWriter, MessageEvent, message.Json, wait.Token).ConfigureAwait(false);
                    if (message.Final)
                    {
                        return created && message.IsError;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; its answer, if it ever comes, is dropped (a disconnect is not a cancellation in MCP).
            return false;
        }
        catch (OperationCanceledException) when (!session.IsEnded && !stopping.IsCancellationRequested)
        {
            // No answer in time: forget the request so a late answer is dropped (and audited), and tell the client.
            session.Relay.Abandon(id);
            await WriteFinalAsync(context, exchange, JsonRpcErrorWriter.Write(id, JsonRpcErrorCodes.UpstreamUnavailable,
                $"The upstream did not answer within {settings.UpstreamTimeout.TotalSeconds:0} s (gateway.upstream_timeout_s).")).ConfigureAwait(false);
            return created;
        }
        catch (OperationCanceledException)
        {
            // The session ended or the gateway is stopping: fall through to the upstream-unavailable answer.
        }

        await WriteFinalAsync(context, exchange, JsonRpcErrorWriter.Write(id, JsonRpcErrorCodes.UpstreamUnavailable,
            "The session ended before the upstream answered.")).ConfigureAwait(false);
        return created;
    }

    private static async Task WriteFinalAsync(HttpContext context, PostExchange exchange, byte[] error)
    {
        if (exchange.IsStreaming)
        {
            await SseEventWriter.WriteAsync(context.Response.BodyWriter, MessageEvent, error, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            await HttpReply.JsonAsync(context.Response, StatusCodes.Status200OK, error, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The session a GET or DELETE names, after the header and version checks; null once the refusal is written.</summary>
    private async Task<GatewaySession?> RequireSessionAsync(HttpContext context, UpstreamDefinition server)
    {
        var sessionId = context.Request.Headers[McpHeaders.SessionId].ToString();
        if (sessionId.Length == 0)
        {
            await HttpReply.RefuseAsync(context, Refusal.SessionIdRequired, null, string.Empty).ConfigureAwait(false);
            return null;
        }

        if (!TryFind(sessionId, server, CallerClaims.CallerFrom(context.User), out var session))
        {
            await SessionNotFoundAsync(context, sessionId).ConfigureAwait(false);
            return null;
        }

        if (!await CheckProtocolVersionAsync(context).ConfigureAwait(false))
        {
            return null;
        }

        session.Touch();
        return session;
    }

    /// <summary>
    /// A session is found only on the upstream and transport it was created for, and only by the principal that created it:
    /// a leaked session id does not let another client in.
    /// </summary>
    private bool TryFind(string id, UpstreamDefinition server, McpVanguard.Sessions.CallerIdentity? caller, out GatewaySession session)
        => Store.TryGet(id, out session) && ReferenceEquals(session.Server, server) && !session.Outbox.IsLegacySse && session.BelongsTo(caller);

    /// <summary>
    /// 404, the specification's answer to a session this instance does not hold (the client re-initializes). When another
    /// live instance holds it, the load balancer lost affinity: said in the log, since that is a deployment error.
    /// </summary>
    private async Task SessionNotFoundAsync(HttpContext context, string sessionId)
    {
        if (await Store.Directory.OwnerAsync(sessionId, context.RequestAborted).ConfigureAwait(false) is { } owner
            && owner != Store.Directory.InstanceId
            && context.RequestServices?.GetService<ILoggerFactory>() is { } logs)
        {
            StateLog.Misrouted(logs.CreateLogger(GatewayLog.Category), owner, Store.Directory.InstanceId);
        }

        await HttpReply.RefuseAsync(context, Refusal.SessionNotFound).ConfigureAwait(false);
    }

    /// <summary>After initialize every request names its protocol version; none means 2025-03-26, an unknown one is refused.</summary>
    private static async ValueTask<bool> CheckProtocolVersionAsync(HttpContext context)
    {
        var version = context.Request.Headers[McpHeaders.ProtocolVersion].ToString();
        if (version.Length == 0 || McpHeaders.SupportedVersions.Contains(version))
        {
            return true;
        }

        await HttpReply.RefuseAsync(context, Refusal.UnsupportedProtocolVersion, null, (version.Length > 40 ? version[..40] : version), string.Join(", ", McpHeaders.SupportedVersions)).ConfigureAwait(false);
        return false;
    }

    private static bool Accepts(HttpRequest request, string mediaType)
    {
        foreach (var value in request.Headers.Accept)
        {
            if (value is not null && (value.Contains(mediaType, StringComparison.OrdinalIgnoreCase) || value.Contains("*/*", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsJson(string? contentType)
        => contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
