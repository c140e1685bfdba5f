using McpVanguard.State;

namespace McpVanguard.Gateway.RateLimiting;

/// <summary>
/// Caps the open sessions of each principal (<c>auth.max_sessions_per_principal</c>) across every instance sharing the
/// state: a session holds a lease in its principal's set, renewed while it lives and given back when it ends. A lease
/// that is not renewed (its instance died) expires, so a crashed instance never pins a principal at its cap for good.
/// </summary>
public sealed class PrincipalSessionLimiter(ISharedState state, int maxSessionsPerPrincipal, TimeSpan lease)
{
    /// <summary>Sessions one principal may hold; 0 means no limit (and no lease is taken at all).</summary>
    public int MaxSessionsPerPrincipal { get; } = maxSessionsPerPrincipal;

    /// <summary>How long a lease lasts without renewal.</summary>
    public TimeSpan Lease => lease;

    /// <summary>Takes (or renews) <paramref name="sessionId"/>'s slot of <paramref name="principal"/>; false when the principal holds the maximum.</summary>
    /// <exception cref="StateUnavailableException">The shared state cannot answer and the profile does not fall back.</exception>
    public ValueTask<bool> TryAcquireAsync(string principal, string sessionId, CancellationToken cancellationToken)
        => MaxSessionsPerPrincipal <= 0
            ? ValueTask.FromResult(true)
            : state.TryLeaseAsync(Key(principal), sessionId, MaxSessionsPerPrincipal, lease, cancellationToken);

    /// <summary>Gives back the slot of <paramref name="sessionId"/> (nothing when it holds none).</summary>
    public ValueTask ReleaseAsync(string principal, string sessionId, CancellationToken cancellationToken)
        => MaxSessionsPerPrincipal <= 0 ? ValueTask.CompletedTask : state.ReleaseLeaseAsync(Key(principal), sessionId, cancellationToken);

    private static string Key(string principal) => "sessions:" + principal;
}
