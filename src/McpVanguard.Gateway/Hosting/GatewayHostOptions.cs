using McpVanguard.Configuration;
using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.Upstreams;

namespace McpVanguard.Gateway.Hosting;

/// <summary>Everything <see cref="GatewayServer"/> needs besides the engine and the audit sink.</summary>
public sealed record GatewayHostOptions
{
    /// <summary>The effective configuration (profile, limits, <c>gateway.*</c>).</summary>
    public required VanguardOptions Options { get; init; }

    /// <summary>The upstreams; each is served at <c>/mcp/{id}</c> and <c>/sse/{id}</c>, a single one also at <c>/mcp</c> and <c>/sse</c>.</summary>
    public required IReadOnlyList<UpstreamDefinition> Servers { get; init; }

    /// <summary>
    /// The <c>auth:</c> section (credentials, rate limit, per-principal session cap), from <see cref="GatewayAuthOptionsReader"/>;
    /// the default has no credential, so every client is anonymous.
    /// </summary>
    public GatewayAuthOptions Auth { get; init; } = new();

    /// <summary>The pin store the engine compares with: <c>/admin/state</c> counts its changes awaiting approval. Null: not reported.</summary>
    public McpVanguard.Integrity.PinStore? Pins { get; init; }

    /// <summary>
    /// What instances share (<c>state.*</c>): rate-limit buckets, per-principal session caps, the session directory (and
    /// L3's windows, given to the engine too). Null: this gateway's own in-memory state.
    /// </summary>
    public McpVanguard.State.ISharedState? State { get; init; }

    /// <summary>This instance's name in the session directory (default: host name and a random suffix).</summary>
    public string InstanceId { get; init; } = Environment.MachineName + "-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));

    /// <summary>The clock of the gateway's own intervals (the JWKS refresh); tests pass a manual one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Adds a metric reader to the gateway's meter provider (tests' in-memory exporter); the settings decide the rest.</summary>
    internal Action<OpenTelemetry.Metrics.MeterProviderBuilder>? TestMetrics { get; init; }

    /// <summary>Adds a span processor to the gateway's tracer provider (tests' in-memory exporter).</summary>
    internal Action<OpenTelemetry.Trace.TracerProviderBuilder>? TestTraces { get; init; }
}
