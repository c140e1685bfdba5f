using McpVanguard.Configuration;
using McpVanguard.Gateway.Upstreams;

namespace McpVanguard.Gateway.Hosting;

/// <summary>Everything <see cref="GatewayServer"/> needs besides the engine and the audit sink.</summary>
public sealed record GatewayHostOptions
{
    /// <summary>The effective configuration (profile, limits, <c>gateway.*</c>).</summary>
    public required VanguardOptions Options { get; init; }

    /// <summary>The upstreams; each is served at <c>/mcp/{id}</c> and <c>/sse/{id}</c>, a single one also at <c>/mcp</c> and <c>/sse</c>.</summary>
    public required IReadOnlyList<UpstreamDefinition> Servers { get; init; }

    /// <summary>Authentication, when configured; null means every client is anonymous.</summary>
    public GatewayAuthentication? Authentication { get; init; }
}
