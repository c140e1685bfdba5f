using McpVanguard.Gateway.RateLimiting;

namespace McpVanguard.Gateway.Auth;

/// <summary>The gateway's authentication settings, read once from <c>auth:</c> and <c>VANGUARD_API_KEY</c> by <see cref="GatewayAuthOptionsReader"/>.</summary>
public sealed record GatewayAuthOptions
{
    public IReadOnlyList<ApiKeyCredential> ApiKeys { get; init; } = [];

    public JwtValidationOptions? Jwt { get; init; }

    /// <summary>This gateway's resource URL (RFC 9728 <c>resource</c>, and the default JWT audience); derived from the request when null.</summary>
    public Uri? Resource { get; init; }

    /// <summary>Authorization servers that issue tokens for this gateway, advertised in the resource metadata.</summary>
    public IReadOnlyList<Uri> AuthorizationServers { get; init; } = [];

    /// <summary>Scopes advertised in the resource metadata (by default the JWT's required scopes).</summary>
    public IReadOnlyList<string> ScopesSupported { get; init; } = [];

    /// <summary>The per-principal request budget; null means no rate limit.</summary>
    public GatewayRateLimitOptions? RateLimit { get; init; }

    /// <summary>Concurrent sessions one principal may hold (0: no limit).</summary>
    public int MaxSessionsPerPrincipal { get; init; } = 32;

    /// <summary>SHA-256 of the admin key (<c>VANGUARD_ADMIN_KEY</c>) that opens <c>/admin/state</c>; null: the endpoint does not exist.</summary>
    public byte[]? AdminKeyDigest { get; init; }

    /// <summary>True when any credential is configured, so the MCP endpoints must require authentication.</summary>
    public bool IsEnabled => ApiKeys.Count > 0 || Jwt is not null;
}
