using McpVanguard.Inspection.Behaviour;

namespace McpVanguard.State;

/// <summary>
/// Everything gateway instances must agree on, as a few atomic operations on prefixed keys that all expire: L3 windows
/// and budgets (<see cref="IBehaviourState"/>), token buckets (rate limits), leases (per-principal session caps) and
/// small values (the session directory). In memory by default; on Redis for a gateway scaled out behind a load balancer.
/// </summary>
/// <remarks>
/// A shared backend throws <see cref="StateUnavailableException"/> (never anything else, never after its timeout) when it
/// cannot answer; <see cref="ResilientSharedState"/> turns that into the profile's policy.
/// </remarks>
public interface ISharedState : IBehaviourState, IAsyncDisposable
{
    /// <summary>Where the state lives (<c>memory</c>, <c>redis</c>): for the start-up line and <c>/readyz</c>.</summary>
    string Backend { get; }

    /// <summary>
    /// Takes one token from the bucket at <paramref name="key"/> (<paramref name="burst"/> tokens, one back every
    /// <paramref name="refillPeriod"/>): null when taken, otherwise how long until one is there.
    /// </summary>
    ValueTask<TimeSpan?> TakeTokenAsync(string key, int burst, TimeSpan refillPeriod, CancellationToken cancellationToken);

    /// <summary>
    /// Holds (or renews) <paramref name="member"/>'s lease in the set at <paramref name="key"/> for <paramref name="lease"/>;
    /// false when the set already holds <paramref name="max"/> live leases of others. Leases not renewed expire, so the
    /// slots of an instance that died come back on their own.
    /// </summary>
    ValueTask<bool> TryLeaseAsync(string key, string member, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Gives back <paramref name="member"/>'s lease in the set at <paramref name="key"/> (nothing when it holds none).</summary>
    ValueTask ReleaseLeaseAsync(string key, string member, CancellationToken cancellationToken);

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> for <paramref name="ttl"/>.</summary>
    ValueTask PutAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>The live value at <paramref name="key"/>, or null.</summary>
    ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes <paramref name="key"/> (nothing when absent).</summary>
    ValueTask DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Answers when the backend is reachable; throws <see cref="StateUnavailableException"/> otherwise.</summary>
    ValueTask PingAsync(CancellationToken cancellationToken);
}
