using System.Collections.Concurrent;
using System.Security.Cryptography;
using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.RateLimiting;
using McpVanguard.Sessions;

namespace McpVanguard.Gateway.Sessions;

/// <summary>
/// Every live gateway session by its <c>Mcp-Session-Id</c>. Bounded (a session may own a process): beyond the maximum a
/// new session is refused, and so is one more for a verified caller at its own cap, so that one tenant cannot take every
/// slot; idle sessions are ended by a background sweep; ended sessions are shut down in the background and awaited at
/// shutdown. Every way a session ends (DELETE, idle expiry, upstream exit, shutdown) goes through <see cref="End"/>,
/// which gives both slots back.
/// </summary>
internal sealed class SessionStore(int maxSessions, TimeSpan idleTimeout, PrincipalSessionLimiter perPrincipal) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, GatewaySession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _closing = new();
    private int _reserved;

    public int Count => _sessions.Count;

    /// <summary>The sessions of upstream <paramref name="serverId"/> now (for <c>/admin/state</c>; walks the bounded table).</summary>
    public int CountFor(string serverId) => _sessions.Values.Count(s => s.Server.Id == serverId);

    public TimeSpan IdleTimeout => idleTimeout;

    /// <summary>A new session id: 128 bits from the OS's cryptographic generator, as 32 hex digits (visible ASCII, as the spec requires).</summary>
    public static string NewSessionId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public PrincipalSessionLimiter PerPrincipal => perPrincipal;

    /// <summary>Reserves room for a session of <paramref name="caller"/> (null: anonymous, bound by the gateway's maximum only).</summary>
    public SessionReservation TryReserve(CallerIdentity? caller)
    {
        // The caller's own cap first: a caller at its cap must not take (even briefly) a slot another caller needs.
        if (CallerClaims.LimitKey(caller) is { } key && !perPrincipal.TryAcquire(key))
        {
            return SessionReservation.CallerFull;
        }

        if (Interlocked.Increment(ref _reserved) > maxSessions)
        {
            Interlocked.Decrement(ref _reserved);
            ReleaseCaller(caller);
            return SessionReservation.GatewayFull;
        }

        return SessionReservation.Reserved;
    }

    /// <summary>Gives back a reservation that did not become a session.</summary>
    public void Release(CallerIdentity? caller)
    {
        Interlocked.Decrement(ref _reserved);
        ReleaseCaller(caller);
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

        Release(session.Caller);
        Telemetry.VanguardTelemetry.SessionsActive.Add(-1);
        var closing = session.DisposeAsync().AsTask();
        _closing[closing] = 0;
        _ = closing.ContinueWith(t => _closing.TryRemove(t, out _), TaskScheduler.Default);
        return true;
    }

    private void ReleaseCaller(CallerIdentity? caller)
    {
        if (CallerClaims.LimitKey(caller) is { } key)
        {
            perPrincipal.Release(key);
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

    /// <summary>Runs <see cref="Sweep"/> periodically until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task SweepPeriodicallyAsync(CancellationToken cancellationToken)
    {
        // A quarter of the timeout (at most 30 s): a session outlives its timeout by at most that much.
        var period = TimeSpan.FromTicks(Math.Clamp(idleTimeout.Ticks / 4, TimeSpan.FromMilliseconds(250).Ticks, TimeSpan.FromSeconds(30).Ticks));
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Sweep();
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
