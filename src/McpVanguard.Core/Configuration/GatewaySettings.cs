namespace McpVanguard.Configuration;

/// <summary>The hosted gateway's scalar settings (<c>gateway.*</c>); the <c>servers:</c> section is parsed by the gateway itself.</summary>
public sealed record GatewaySettings
{
    /// <summary>Address Kestrel binds to: an IP literal or <c>localhost</c>.</summary>
    public required string Host { get; init; }

    /// <summary>TCP port; 0 asks the OS for a free one (tests).</summary>
    public required int Port { get; init; }

    /// <summary>Browser origins allowed to call the gateway; when not configured, loopback origins are when bound to loopback.</summary>
    public required IReadOnlyList<string> AllowedOrigins { get; init; }

    /// <summary>Whether <c>gateway.allowed_origins</c> was given at all: an explicit <c>[]</c> means no other origin (strict), not the default.</summary>
    public bool AllowedOriginsConfigured { get; init; }

    /// <summary>Host header names accepted; empty means the default (loopback names when bound to loopback, any otherwise).</summary>
    public required IReadOnlyList<string> AllowedHosts { get; init; }

    /// <summary>Sessions alive at once; each may own a server process, so this bounds processes and memory.</summary>
    public required int MaxSessions { get; init; }

    /// <summary>A session with no request and no open stream for this long is ended and its server killed.</summary>
    public required TimeSpan SessionIdleTimeout { get; init; }

    /// <summary>Requests one session may have waiting for the upstream at once.</summary>
    public required int MaxConcurrentRequests { get; init; }

    /// <summary>Largest HTTP request body accepted (413 above it).</summary>
    public required int MaxBodyBytes { get; init; }

    /// <summary>How long a POST waits for the upstream's answer before it is answered with an upstream error.</summary>
    public required TimeSpan UpstreamTimeout { get; init; }

    /// <summary>Stdio servers started ahead of demand per upstream, to hide their start-up time from a new session.</summary>
    public required int WarmPool { get; init; }

    /// <summary>
    /// This instance's route behind a load balancer (<c>gateway.session_route</c>): when set, every session id it issues
    /// starts with <c>ROUTE.</c>, so that the balancer can send a session's requests to the instance that holds it
    /// (docs/SCALE-OUT.md). Null: plain ids.
    /// </summary>
    public string? SessionRoute { get; init; }
}
