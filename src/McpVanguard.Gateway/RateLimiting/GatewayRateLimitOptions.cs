namespace McpVanguard.Gateway.RateLimiting;

/// <summary>The per-principal request budget (<c>auth.rate_limit</c>): a token bucket of <see cref="Burst"/> refilled at <see cref="RequestsPerMinute"/>.</summary>
public sealed record GatewayRateLimitOptions(int RequestsPerMinute, int Burst);
