using System.Globalization;
using System.Text;
using McpVanguard.Protocol;
using Microsoft.AspNetCore.Http;

namespace McpVanguard.Gateway.Messages;

/// <summary>
/// The one map from a <see cref="Refusal"/> to what the client receives: HTTP status, JSON-RPC error code and message.
/// A message may name the setting at fault, never anything secret; its placeholders are filled by the caller's details.
/// </summary>
public static class RefusalReplies
{
    /// <summary>How one refusal is answered.</summary>
    /// <param name="Message">A composite format; <c>{0}</c>, <c>{1}</c> are the details the call site passes.</param>
    public sealed record Shape(int Status, int Code, CompositeFormat Message);

    private static readonly Shape[] Shapes = Build();

    public static Shape Of(Refusal refusal) => Shapes[(int)refusal];

    /// <summary>The client-facing message of <paramref name="refusal"/> with its details.</summary>
    public static string Message(Refusal refusal, params object?[] details) => string.Format(CultureInfo.InvariantCulture, Of(refusal).Message, details);

    private static Shape[] Build()
    {
        var shapes = new Shape[Enum.GetValues<Refusal>().Length];
        foreach (var refusal in Enum.GetValues<Refusal>())
        {
            var (status, code, message) = Define(refusal);
            shapes[(int)refusal] = new Shape(status, code, CompositeFormat.Parse(message));
        }

        return shapes;
    }

    // The texts are promised by docs/ERRORS.md and the tests: change them together.
    private static (int Status, int Code, string Message) Define(Refusal refusal) => refusal switch
    {
        Refusal.HostNotAllowed => (StatusCodes.Status403Forbidden, JsonRpcErrorCodes.InvalidRequest, "Forbidden: the Host header '{0}' is not a name of this gateway (set gateway.allowed_hosts to accept it)."),
        Refusal.OriginNotAllowed => (StatusCodes.Status403Forbidden, JsonRpcErrorCodes.InvalidRequest, "Forbidden: the Origin '{0}' is not allowed (set gateway.allowed_origins to accept it)."),
        Refusal.Unauthenticated => (StatusCodes.Status401Unauthorized, JsonRpcErrorCodes.InvalidRequest, "Authentication required: send an API key (Authorization: Bearer or X-API-Key) or a bearer token."),
        Refusal.Forbidden => (StatusCodes.Status403Forbidden, JsonRpcErrorCodes.InvalidRequest, "This caller may not use this endpoint."),
        Refusal.RateLimited => (StatusCodes.Status429TooManyRequests, JsonRpcErrorCodes.LimitExceeded, "{0}; retry after {1} s."),
        Refusal.NotAcceptable => (StatusCodes.Status406NotAcceptable, JsonRpcErrorCodes.InvalidRequest, "Not Acceptable: the client must accept both application/json and text/event-stream."),
        Refusal.StreamNotAcceptable => (StatusCodes.Status406NotAcceptable, JsonRpcErrorCodes.InvalidRequest, "Not Acceptable: the GET stream is text/event-stream; the client must accept it."),
        Refusal.UnsupportedMediaType => (StatusCodes.Status415UnsupportedMediaType, JsonRpcErrorCodes.InvalidRequest, "Unsupported Media Type: the body must be one JSON-RPC message with Content-Type application/json."),
        Refusal.BodyTooLarge => (StatusCodes.Status413PayloadTooLarge, JsonRpcErrorCodes.LimitExceeded, "Payload Too Large: the request body exceeds the limit of {0} bytes (gateway.max_body_bytes)."),
        Refusal.SessionIdRequired => (StatusCodes.Status400BadRequest, JsonRpcErrorCodes.InvalidRequest, "Bad Request: the Mcp-Session-Id header is required{0}."),
        Refusal.SseSessionIdRequired => (StatusCodes.Status400BadRequest, JsonRpcErrorCodes.InvalidRequest, "Bad Request: the sessionId query parameter is required (it comes in the SSE stream's endpoint event)."),
        Refusal.SessionNotFound => (StatusCodes.Status404NotFound, JsonRpcErrorCodes.InvalidRequest, "Not Found: the session does not exist or has expired; start a new one with an initialize request."),
        Refusal.SseSessionNotFound => (StatusCodes.Status404NotFound, JsonRpcErrorCodes.InvalidRequest, "Not Found: the session does not exist or its SSE stream has closed; open a new one with GET /sse."),
        Refusal.UnsupportedProtocolVersion => (StatusCodes.Status400BadRequest, JsonRpcErrorCodes.InvalidRequest, "Bad Request: unsupported MCP-Protocol-Version '{0}' (supported: {1})."),
        Refusal.StreamAlreadyOpen => (StatusCodes.Status409Conflict, JsonRpcErrorCodes.InvalidRequest, "Conflict: this session already has an open GET stream; only one is allowed."),
        Refusal.TooManyConcurrentRequests => (StatusCodes.Status429TooManyRequests, JsonRpcErrorCodes.LimitExceeded, "Too Many Requests: this session already has {0} requests waiting for the server (gateway.max_concurrent_requests)."),
        Refusal.DuplicateRequestId => (StatusCodes.Status400BadRequest, JsonRpcErrorCodes.InvalidRequest, "Bad Request: a request with id {0} is already in flight in this session."),
        Refusal.SecondInitialize => (StatusCodes.Status400BadRequest, JsonRpcErrorCodes.InvalidRequest, "Bad Request: this session is already initialized; a session has one initialize (start a new session to negotiate again)."),
        Refusal.PrincipalSessionLimit => (StatusCodes.Status429TooManyRequests, JsonRpcErrorCodes.LimitExceeded, "Too Many Requests: this caller already holds its maximum of {0} sessions (auth.max_sessions_per_principal); end one (DELETE) or retry later."),
        Refusal.GatewaySessionLimit => (StatusCodes.Status503ServiceUnavailable, JsonRpcErrorCodes.LimitExceeded, "Service Unavailable: the gateway already has its maximum of {0} sessions (gateway.max_sessions); end a session or retry later."),
        Refusal.UpstreamUnavailable => (StatusCodes.Status502BadGateway, JsonRpcErrorCodes.UpstreamUnavailable, "Bad Gateway: {0}"),
        Refusal.NotReady => (StatusCodes.Status503ServiceUnavailable, JsonRpcErrorCodes.UpstreamUnavailable, "Not ready: {0}."),
        Refusal.StateUnavailable => (StatusCodes.Status503ServiceUnavailable, JsonRpcErrorCodes.UpstreamUnavailable, "Service Unavailable: the gateway's shared state (state.redis) is unreachable and the strict profile refuses new work until it is back; retry later."),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "a refusal without a reply"),
    };
}
