using System.Diagnostics;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Sessions;
using McpVanguard.Transports;

namespace McpVanguard.Gateway.Sessions;

/// <summary>
/// One client session of the gateway: its own <see cref="RelaySession"/> and <see cref="McpRelay"/> (exactly as in stdio
/// mode), the client side (<see cref="SessionOutbox"/>) and the upstream side (a child process or a remote session).
/// </summary>
internal sealed class GatewaySession : IAsyncDisposable
{
    private readonly CancellationTokenSource _ended = new();
    private long _lastActivity = Stopwatch.GetTimestamp();
    private int _inFlight;
    private int _openStreams;
    private int _disposed;
    private int _initialized;
    private Task _upstreamRun = Task.CompletedTask;

    public GatewaySession(string id, UpstreamDefinition server, CallerIdentity? caller, McpRelay relay, SessionOutbox outbox, IMcpTransport upstream)
    {
        Id = id;
        Server = server;
        Caller = caller;
        Relay = relay;
        Outbox = outbox;
        Upstream = upstream;
    }

    /// <summary>The <c>Mcp-Session-Id</c>: 128 random bits, known only to the client (audit records use the relay session's own id).</summary>
    public string Id { get; }

    public UpstreamDefinition Server { get; }

    public CallerIdentity? Caller { get; }

    public McpRelay Relay { get; }

    public SessionOutbox Outbox { get; }

    public IMcpTransport Upstream { get; }

    /// <summary>Cancelled when the session ends (DELETE, idle expiry, upstream exit, shutdown).</summary>
    public CancellationToken Ended => _ended.Token;

    public bool IsEnded => _ended.IsCancellationRequested;

    /// <summary>Starts relaying the upstream's messages; <paramref name="onUpstreamGone"/> runs when the upstream ends on its own.</summary>
    public void Start(Action<GatewaySession> onUpstreamGone)
    {
        // Without the caller's async flow: the pump serves the whole session, not the request that created it.
        using (ExecutionContext.SuppressFlow())
        {
            _upstreamRun = Task.Run(async () =>
            {
                await RelayLoop.PumpAsync(Upstream.ReadAsync(_ended.Token), Relay, Direction.ServerToAgent, _ended.Token).ConfigureAwait(false);
                await Relay.FailPendingAsync("The MCP server exited before answering.", CancellationToken.None).ConfigureAwait(false);
                onUpstreamGone(this);
            });
        }
    }

    /// <summary>Marks the session initialized; false when it already was (MCP has one <c>initialize</c> per session).</summary>
    public bool TryMarkInitialized() => Interlocked.Exchange(ref _initialized, 1) == 0;

    public void Touch() => Volatile.Write(ref _lastActivity, Stopwatch.GetTimestamp());

    /// <summary>Idle: nothing in flight, no stream open, and no request for longer than <paramref name="timeout"/>.</summary>
    public bool IsIdle(TimeSpan timeout)
        => Volatile.Read(ref _inFlight) == 0 && Volatile.Read(ref _openStreams) == 0
            && Stopwatch.GetElapsedTime(Volatile.Read(ref _lastActivity)) > timeout;

    /// <summary>Counts a request waiting for the upstream; false when the session's concurrent-request limit is reached.</summary>
    public bool TryEnterRequest(int limit)
    {
        if (Interlocked.Increment(ref _inFlight) > limit)
        {
            Interlocked.Decrement(ref _inFlight);
            return false;
        }

        return true;
    }

    public void ExitRequest()
    {
        Interlocked.Decrement(ref _inFlight);
        Touch();
    }

    public void StreamOpened() => Interlocked.Increment(ref _openStreams);

    public void StreamClosed()
    {
        Interlocked.Decrement(ref _openStreams);
        Touch();
    }

    /// <summary>Whether <paramref name="caller"/> may use this session: a session belongs to the principal that created it.</summary>
    public bool BelongsTo(CallerIdentity? caller)
        => Caller is null ? caller is null : caller is not null && caller.Name == Caller.Name && caller.Scheme == Caller.Scheme;

    /// <summary>Ends the session: streams close, the upstream is shut down (its process tree killed), pending requests fail.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _ended.CancelAsync().ConfigureAwait(false);
        Outbox.Complete();
        await Upstream.DisposeAsync().ConfigureAwait(false);
        await _upstreamRun.ConfigureAwait(false);
    }
}
