namespace McpVanguard.Gateway.RateLimiting;

/// <summary>
/// Counts the open sessions of each principal and refuses one more than the limit. Bounded: a principal's entry goes
/// when its last session is released, and at most <see cref="MaxPrincipals"/> principals are tracked at once.
/// </summary>
public sealed class PrincipalSessionLimiter(int maxSessionsPerPrincipal, int maxPrincipals = PrincipalSessionLimiter.DefaultMaxPrincipals)
{
    public const int DefaultMaxPrincipals = 100_000;

    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Sessions one principal may hold; 0 means no limit.</summary>
    public int MaxSessionsPerPrincipal { get; } = maxSessionsPerPrincipal;

    public int MaxPrincipals { get; } = maxPrincipals;

    /// <summary>Takes a session slot for <paramref name="principal"/> (a <see cref="Auth.CallerClaims.LimitKey(McpVanguard.Sessions.CallerIdentity?)"/>); false when it already holds the maximum.</summary>
    public bool TryAcquire(string principal)
    {
        lock (_lock)
        {
            _open.TryGetValue(principal, out var count);
            if ((MaxSessionsPerPrincipal > 0 && count >= MaxSessionsPerPrincipal) || (count == 0 && _open.Count >= MaxPrincipals))
            {
                return false;
            }

            _open[principal] = count + 1;
            return true;
        }
    }

    /// <summary>Gives back a slot taken by <see cref="TryAcquire"/> (once per successful acquire, when the session ends).</summary>
    public void Release(string principal)
    {
        lock (_lock)
        {
            if (!_open.TryGetValue(principal, out var count))
            {
                return;
            }

            if (count <= 1)
            {
                _open.Remove(principal);
            }
            else
            {
                _open[principal] = count - 1;
            }
        }
    }

    /// <summary>The sessions <paramref name="principal"/> holds now.</summary>
    public int OpenSessions(string principal)
    {
        lock (_lock)
        {
            return _open.GetValueOrDefault(principal);
        }
    }
}
