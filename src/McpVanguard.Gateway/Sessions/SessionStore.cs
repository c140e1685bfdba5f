using System.Collections.Concurrent;
using System.Security.Cryptography;
using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.RateLimiting;
using McpVanguard.Sessions;
using McpVanguard.State;

namespace McpVanguard.Gateway.Sessions;

/// <summary>
/// Every live gateway session by its <c>Mcp-Session-Id</c>. Bounded (a session may own a process): beyond the maximum a
/// new session is refused, and so is one more for a verified caller at its own cap (counted across every instance that
/// shares the state), so that one tenant cannot take every slot; idle sessions are ended by a background sweep, which
/// also renews the leases of live ones (their cap slots and their entry in the <see cref="SessionDirectory"/>); ended
/// sessions are shut down in the background and awaited at shutdown. Every way a session ends (DELETE, idle expiry,
/// upstream exit, shutdown) goes through <see cref="End"/>, which gives its slots back.
/// </summary>
internal sealed class SessionStore(int maxSessions, TimeSpan idleTimeout, PrincipalSessionLimiter perPrincipal, SessionDirectory directory) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, GatewaySession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _closing = new();
    private int _reserved;

    public int Count => _sessions.Count;

    /// <summary>The sessions of upstream <paramref name="serverId"/> now (for <c>/admin/state</c>; walks the bounded table).</summary>
    public int CountFor(string serverId) => _sessions.Values.Count(s => s.Server.Id == serverId);

    public TimeSpan IdleTimeout => idleTimeout;

    /// <summary>How often the sweep runs: a quarter of the idle timeout, from 250 ms to 30 s.</summary>
    public static TimeSpan SweepPeriod(TimeSpan idleTimeout)
        => TimeSpan.FromTicks(Math.Clamp(idleTimeout.Ticks / 4, TimeSpan.FromMilliseconds(250).Ticks, TimeSpan.FromSeconds(30).Ticks));

    /// <summary>How long a session's shared leases last unrenewed: three sweeps, at least 10 s (so one slow sweep loses nothing).</summary>
    public static TimeSpan LeaseFor(TimeSpan idleTimeout) => TimeSpan.FromTicks(Math.Max(SweepPeriod(idleTimeout).Ticks * 3, TimeSpan.FromSeconds(10).Ticks));

    /// <summary>
    /// A new session id: 128 bits from the OS's cryptographic generator, as 32 hex digits (visible ASCII, as the spec
    /// requires), after <c>ROUTE.</c> when the instance has a <paramref name="route"/> (<c>gateway.session_route</c>).
    /// </summary>
    public static string NewSessionId(string? route = null)
        => route is null ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : route + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public PrincipalSessionLimiter PerPrincipal => perPrincipal;

    public SessionDirectory Directory => directory;

    /// <summary>
    /// Reserves room for session <paramref name="sessionId"/> of <paramref name="caller"/> (null: anonymous, bound by the
    /// gateway's maximum only) and claims it in the directory.
    /// </summary>
    public async ValueTask<SessionReservation> TryReserveAsync(CallerIdentity? caller, string sessionId, CancellationToken cancellationToken)
    {
        // The caller's own cap first: a caller at its cap must not take (even briefly) a slot another caller needs.
        var key = CallerClaims.LimitKey(caller);
        try
        {
            if (key is not null && !await perPrincipal.TryAcquireAsync(key, sessionId, cancellationToken).ConfigureAwait(false))
            {
                return SessionReservation.CallerFull;
            }
        }
        catch (StateUnavailableException)
        {
            return SessionReservation.StateUnavailable;
        }

        if (Interlocked.Increment(ref _reserved) > maxSessions)
        {
            Release(caller, sessionId);
            return SessionReservation.GatewayFull;
        }

        try
        {
            await directory.ClaimAsync(sessionId, cancellationToken).ConfigureAwait(false);
        }
        catch (StateUnavailableException)
        {
            Release(caller, sessionId);
            return SessionReservation.StateUnavailable;
        }

        return SessionReservation.Reserved;
    }

    /// <summary>Gives back a reservation that did not become a session.</summary>
    public void Release(CallerIdentity? caller, string sessionId)
    {
        Interlocked.Decrement(ref _reserved);
        Track(ForgetAsync(caller, sessionId));
    }

    /// <summary>Adds a session for which room was reserved.</summary>
    public void Add(GatewaySession session)
    {
        _sessions[session.Id] = session;
        Telemetry.VanguardTelemetry.SessionsActive.Add(1);
    }

    public bool TryGet(string id, out GatewaySession session)
    {
        if (_sessions.TryGetValue(id, out var found) && !found.IsEnded)
        {
            session = found;
            return true;
        }

        session = null!;
        return false;
    }

    /// <summary>Ends a session: it is unknown from now on (404) and its upstream is shut down in the background.</summary>
    public bool End(string id)
    {
        if (!_sessions.TryRemove(id, out var session))
        {
            return false;
        }

        Release(session.Caller, session.Id);
        Telemetry.VanguardTelemetry.SessionsActive.Add(-1);
        Track(session.DisposeAsync().AsTask());
        return true;
    }

    private void Track(Task closing)
    {
        if (closing.IsCompleted)
        {
            return;
        }

        _closing[closing] = 0;
        _ = closing.ContinueWith(t => _closing.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Gives back the shared slots of a session; an unreachable state is fine (the leases expire on their own).</summary>
    private async Task ForgetAsync(CallerIdentity? caller, string sessionId)
    {
        try
        {
            if (CallerClaims.LimitKey(caller) is { } key)
            {
                await perPrincipal.ReleaseAsync(key, sessionId, CancellationToken.None).ConfigureAwait(false);
            }

            await directory.ForgetAsync(sessionId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StateUnavailableException)
        {
            // Expires within one lease.
        }
    }

    /// <summary>Ends every session idle for longer than the timeout.</summary>
    public int Sweep()
    {
        var ended = 0;
        foreach (var (id, session) in _sessions)
        {
            if (session.IsIdle(idleTimeout) && End(id))
            {
                ended++;
            }
        }

        return ended;
    }

    /// <summary>Renews the shared leases of every live session (its cap slot and its directory entry).</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (id, session) in _sessions)
            {
                if (CallerClaims.LimitKey(session.Caller) is { } key)
                {
                    await perPrincipal.TryAcquireAsync(key, id, cancellationToken).ConfigureAwait(false);
                }

                await directory.ClaimAsync(id, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StateUnavailableException)
        {
            // The next sweep tries again; a lease outlives two missed sweeps.
        }
    }

    /// <summary>Runs <see cref="Sweep"/> and <see cref="RenewAsync"/> periodically until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task SweepPeriodicallyAsync(CancellationToken cancellationToken)
    {
        // A session outlives its timeout by at most one period.
        using var timer = new PeriodicTimer(SweepPeriod(idleTimeout));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Sweep();
                await RenewAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    /// <summary>Ends every session and waits until their upstreams are shut down (graceful shutdown).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var id in _sessions.Keys)
        {
            End(id);
        }

        await Task.WhenAll(_closing.Keys).ConfigureAwait(false);
    }
}
