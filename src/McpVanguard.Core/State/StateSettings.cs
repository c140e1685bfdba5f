namespace McpVanguard.State;

/// <summary>
/// The <c>state.*</c> settings, validated at load: where shared state lives (<c>state.redis</c>; in memory when unset), the
/// key prefix of this deployment, the timeout of every call and the Redis password when it is not in the URL.
/// </summary>
public sealed record StateSettings
{
    /// <summary>The Redis server, or null for in-process state (<c>state.redis</c>).</summary>
    public RedisAddress? Redis { get; init; }

    /// <summary>Prefix of every key (<c>state.key_prefix</c>), so that deployments sharing one Redis never meet.</summary>
    public string KeyPrefix { get; init; } = "vanguard";

    /// <summary>Longest wait for one call to the shared state (<c>state.timeout_ms</c>); then it counts as unreachable.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>True when instances share state (Redis).</summary>
    public bool IsShared => Redis is not null;
}
