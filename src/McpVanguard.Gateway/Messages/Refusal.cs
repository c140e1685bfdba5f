namespace McpVanguard.Gateway.Messages;

/// <summary>
/// Every reason the gateway itself refuses an HTTP request: a closed set, each mapped once to an HTTP status, a
/// JSON-RPC error code and a message (<see cref="RefusalReplies"/>), listed for users in docs/ERRORS.md.
/// </summary>
public enum Refusal
{
    /// <summary>403: the <c>Host</c> header names another site (DNS rebinding).</summary>
    HostNotAllowed,

    /// <summary>403: a browser page of an origin that is not allowed.</summary>
    OriginNotAllowed,

    /// <summary>401: no credential, or one that is not valid (body and <c>WWW-Authenticate</c> per RFC 6750).</summary>
    Unauthenticated,

    /// <summary>403: a verified caller without the scope or role the endpoint needs (RFC 6750 body).</summary>
    Forbidden,

    /// <summary>429 with <c>Retry-After</c>: the caller's rate limit, or too many failed authentications from its address.</summary>
    RateLimited,

    /// <summary>406: a POST whose <c>Accept</c> lacks application/json or text/event-stream.</summary>
    NotAcceptable,

    /// <summary>406: a GET stream whose <c>Accept</c> lacks text/event-stream.</summary>
    StreamNotAcceptable,

    /// <summary>415: a body that is not <c>application/json</c>.</summary>
    UnsupportedMediaType,

    /// <summary>413: a body over <c>gateway.max_body_bytes</c>.</summary>
    BodyTooLarge,

    /// <summary>400: a Streamable HTTP request without <c>Mcp-Session-Id</c> that is not an initialize.</summary>
    SessionIdRequired,

    /// <summary>400: a legacy SSE POST without its <c>sessionId</c>.</summary>
    SseSessionIdRequired,

    /// <summary>404: an unknown or expired Streamable HTTP session.</summary>
    SessionNotFound,

    /// <summary>404: an unknown legacy SSE session, or one whose stream has closed.</summary>
    SseSessionNotFound,

    /// <summary>400: an unsupported <c>MCP-Protocol-Version</c> header.</summary>
    UnsupportedProtocolVersion,

    /// <summary>409: a second GET stream on one session.</summary>
    StreamAlreadyOpen,

    /// <summary>429: a session's requests waiting for its server reached <c>gateway.max_concurrent_requests</c>.</summary>
    TooManyConcurrentRequests,

    /// <summary>400: a request id already in flight in the session.</summary>
    DuplicateRequestId,

    /// <summary>400: a second <c>initialize</c> on a live session (never forwarded).</summary>
    SecondInitialize,

    /// <summary>429: the caller holds <c>auth.max_sessions_per_principal</c> sessions.</summary>
    PrincipalSessionLimit,

    /// <summary>503: the gateway holds <c>gateway.max_sessions</c> sessions.</summary>
    GatewaySessionLimit,

    /// <summary>502: the upstream could not be started or reached for a new session.</summary>
    UpstreamUnavailable,

    /// <summary>503 on <c>/readyz</c>: the engine is not primed or a server's program is missing.</summary>
    NotReady,

    /// <summary>503 with <c>Retry-After</c>: the shared state (<c>state.redis</c>) is unreachable and the strict profile refuses rather than fall back.</summary>
    StateUnavailable,
}
