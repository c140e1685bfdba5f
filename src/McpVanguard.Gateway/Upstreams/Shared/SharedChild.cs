using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using McpVanguard.Gateway.Logging;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Transports;
using McpVanguard.Transports.Stdio;
using Microsoft.Extensions.Logging;

namespace McpVanguard.Gateway.Upstreams.Shared;

/// <summary>
/// One stdio server child that several sessions share (<c>share: true</c>). Rules, in the order a message meets them:
/// <list type="number">
/// <item>A session's request gets a fresh id from this child's counter (and its progress token the same number); the
/// answer and the progress go back to that session with its own id and token. A session never sees another's ids.</item>
/// <item><c>initialize</c> reaches the child once: the first session's goes through; every later session gets the kept
/// answer with its own id when it asks for the same protocol version, and an error naming both versions when not.
/// The gateway sends the child's <c>notifications/initialized</c> itself, before the first answer is delivered;
/// the sessions' own are not forwarded.</item>
/// <item><c>notifications/cancelled</c> is translated to the child's id; one for a request already answered is dropped.</item>
/// <item>A notification that belongs to no request (list_changed, resources/updated, logging) goes to every session on the child.</item>
/// <item>A request from the server (sampling, elicitation, roots) goes to the session only when exactly one session is
/// on the child (it can belong to no other); otherwise the child is answered with an error, never a guess.</item>
/// <item>A child that exits fails only its own pending requests; the next message starts a replacement, which the gateway
/// initializes with the first session's <c>initialize</c> before anything else reaches it.</item>
/// </list>
/// </summary>
internal sealed partial class SharedChild : IAsyncDisposable
{

    private static readonly byte[] InitializedNotification = """{"jsonrpc":"2.0","method":"notifications/initialized"}"""u8.ToArray();

    private readonly UpstreamDefinition _server;
    private readonly SharedChildLimits _limits;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly List<SharedSessionLease> _leases = [];
    private readonly ConcurrentDictionary<long, PendingRemap> _pending = new();

    /// <summary>The server's requests relayed to a session, by id (JSON text), so that only that session's answer goes back.</summary>
    private readonly ConcurrentDictionary<string, SharedSessionLease> _serverRequests = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _starting = new(1, 1);
    private StdioUpstream? _process;
    private StreamMessageWriter? _input;
    private Task _reader = Task.CompletedTask;
    private long _nextId;

    /// <summary>1 while a child runs (set when it starts, cleared when its output ends): the hot path's check, without a system call.</summary>
    private int _alive;
    private bool _disposed;

    // The child's one initialize: the request as the first session sent it (replayed to a replacement child), the
    // version it asked for, and the answer's result every later session receives.
    private byte[]? _initializeRequest;
    private string? _protocolVersion;
    private byte[]? _initializeResult;
    private TaskCompletionSource<bool>? _initializing;
    private TaskCompletionSource<bool>? _replaying;

    public SharedChild(UpstreamDefinition server, SharedChildLimits limits, ILogger logger)
    {
        _server = server;
        _limits = limits;
        _logger = logger;
    }

    internal ILogger Logger => _logger;

    internal string ServerId => _server.Id;

    /// <summary>Sessions on this child.</summary>
    public int SessionCount
    {
        get
        {
            lock (_gate)
            {
                return _leases.Count;
            }
        }
    }

    /// <summary>Requests sent to the child and not answered yet, across its sessions (for tests and diagnostics).</summary>
    public int PendingCount => _pending.Count;

    /// <summary>The running child's process id, or 0 (for tests and diagnostics).</summary>
    public int ProcessId => Volatile.Read(ref _alive) == 1 && _process is { } p ? p.ProcessId : 0;

    public SharedSessionLease Attach()
    {
        var lease = new SharedSessionLease(this, _limits.InboxCapacity);
        lock (_gate)
        {
            _leases.Add(lease);
        }

        return lease;
    }

    /// <summary>What one session's relay sends to the server (already inspected and allowed).</summary>
    public async ValueTask SendAsync(SharedSessionLease lease, RelayMessage message, CancellationToken cancellationToken)
    {
        if (message.IsRequest && message.Method == "initialize")
        {
            await InitializeAsync(lease, message, cancellationToken).ConfigureAwait(false);
        }
        else if (message.IsRequest)
        {
            await ForwardRequestAsync(lease, message, cancellationToken).ConfigureAwait(false);
        }
        else if (message.IsResponse)
        {
            // An answer to a server request: only from the session it was relayed to, and unchanged (the id is the server's).
            if (_serverRequests.TryGetValue(message.Id.Json, out var owner) && owner == lease && _serverRequests.TryRemove(message.Id.Json, out _))
            {
                await WriteAsync(message.Json, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (message.Method == "notifications/initialized")
        {
            // The gateway sent the child its one notifications/initialized when the child's initialize was answered.
        }
        else if (message.Method == "notifications/cancelled")
        {
            await CancelAsync(lease, message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await WriteAsync(message.Json, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask ForwardRequestAsync(SharedSessionLease lease, RelayMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureRunningAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (UpstreamStartException ex)
        {
            Answer(lease, message.Id, JsonRpcErrorCodes.UpstreamUnavailable, ex.Message);
            return;
        }

        if (TryRemap(lease, message.Id, message.ProgressToken, isInitialize: false, out var upstreamId) is { } refused)
        {
            Answer(lease, message.Id, refused.Code, refused.Message);
            return;
        }

        await SendRemappedAsync(lease, message, upstreamId, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask CancelAsync(SharedSessionLease lease, RelayMessage message, CancellationToken cancellationToken)
    {
        var fields = RoutingFields.Read(message.Json.Span);
        if (!fields.RequestId.Found)
        {
            return;
        }

        var requestId = CanonicalId(fields.RequestId.Of(message.Json.Span));
        if (requestId is not null && lease.TryUpstreamId(requestId, out var upstreamId))
        {
            var number = Encoding.ASCII.GetBytes(upstreamId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await WriteAsync(JsonSplice.Replace(message.Json.Span, fields.RequestId, number), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records a request's remap; null on success, otherwise the error its session gets.</summary>
    private (int Code, string Message)? TryRemap(SharedSessionLease? lease, JsonRpcId id, JsonRpcId? token, bool isInitialize, out long upstreamId)
    {
        if (_pending.Count >= _limits.MaxPendingPerChild)
        {
            ForgetExpired();
            if (_pending.Count >= _limits.MaxPendingPerChild)
            {
                upstreamId = 0;
                return (JsonRpcErrorCodes.LimitExceeded, "Too many requests are waiting for this shared server; retry later.");
            }
        }

        upstreamId = Interlocked.Increment(ref _nextId);
        _pending[upstreamId] = new PendingRemap(lease, id, token, Stopwatch.GetTimestamp(), isInitialize);
        lease?.Track(id, upstreamId);

        // The child may have exited between the check and the entry: Gone marks it dead before it fails what is
        // pending, so an entry added after that scan sees the mark here and fails at once instead of waiting for ever.
        if (Volatile.Read(ref _alive) == 0 && _pending.TryRemove(upstreamId, out _))
        {
            lease?.Untrack(id);
            return (JsonRpcErrorCodes.UpstreamUnavailable, "The MCP server exited before answering.");
        }

        return null;
    }

    /// <summary>Forgets remaps older than the pending timeout: their sessions' relays gave up on them long ago.</summary>
    private void ForgetExpired()
    {
        foreach (var (upstreamId, remap) in _pending)
        {
            if (Stopwatch.GetElapsedTime(remap.Started) > _limits.PendingTimeout && _pending.TryRemove(upstreamId, out _))
            {
                remap.Lease?.Untrack(remap.OriginalId);
            }
        }
    }

    /// <summary>
    /// Sends a session's request with the child's id. A request whose id (or token) the routing read cannot find is
    /// never sent as it is: its answer would carry the session's own id, which may be another session's remap.
    /// </summary>
    private async ValueTask SendRemappedAsync(SharedSessionLease lease, RelayMessage message, long upstreamId, CancellationToken cancellationToken)
    {
        if (Rewrite(message.Json.Span, upstreamId, message.ProgressToken is not null) is { } remapped)
        {
            await WriteAsync(remapped, cancellationToken).ConfigureAwait(false);
            return;
        }

        _pending.TryRemove(upstreamId, out _);
        lease.Untrack(message.Id);
        Answer(lease, message.Id, JsonRpcErrorCodes.InvalidRequest, "This request could not be routed to the shared server (servers.share).");
    }

    /// <summary>The message with the child's id (and token); null when the routing read does not find them.</summary>
    private static byte[]? Rewrite(ReadOnlySpan<byte> json, long upstreamId, bool hasToken)
    {
        var fields = RoutingFields.Read(json);
        if (!fields.IsRequest || (hasToken && !fields.ProgressToken.Found))
        {
            return null;
        }

        Span<byte> number = stackalloc byte[20];
        System.Buffers.Text.Utf8Formatter.TryFormat(upstreamId, number, out var written);
        number = number[..written];
        return hasToken ? JsonSplice.Replace(json, fields.Id, number, fields.ProgressToken, number) : JsonSplice.Replace(json, fields.Id, number);
    }

    private async ValueTask WriteAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        var input = _input;
        if (input is not null)
        {
            await input.SendAsync(json, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts the child when none runs (the first message, or after the last one exited) and replays the initialize.</summary>
    private async ValueTask EnsureRunningAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _alive) == 1 && _replaying is null)
        {
            return;
        }

        await _starting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                throw new UpstreamStartException("The gateway is shutting down.");
            }

            if (Volatile.Read(ref _alive) == 0)
            {
                await StartChildAsync().ConfigureAwait(false);
            }

            if (_replaying is { } replaying)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_limits.UpstreamTimeout);
                if (!await replaying.Task.WaitAsync(timeout.Token).ConfigureAwait(false))
                {
                    throw new UpstreamStartException("The replacement server did not accept the session's initialize.");
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UpstreamStartException("The replacement server did not answer its initialize in time.");
        }
        finally
        {
            _starting.Release();
        }
    }

    private async ValueTask StartChildAsync()
    {
        if (_process is { } old)
        {
            await _reader.ConfigureAwait(false);

            // The dead child's writer has its own pump; left undisposed it would wait forever, one per restart.
            if (_input is { } oldInput)
            {
                await oldInput.DisposeAsync().ConfigureAwait(false);
            }

            await old.DisposeAsync().ConfigureAwait(false);
        }

        var process = StdioUpstream.Start(_server.Command!, _server.Environment);
        var input = new StreamMessageWriter(process.Input);
        _process = process;
        _input = input;
        Volatile.Write(ref _alive, 1);
        UpstreamLog.SharedChildStarted(_logger, _server.Id, process.ProcessId);
        using (ExecutionContext.SuppressFlow())
        {
            _reader = Task.Run(() => ReadAsync(process, input));
        }

        byte[]? replay;
        lock (_gate)
        {
            replay = _initializeResult is not null ? _initializeRequest : null;
        }

        if (replay is not null && TryRemap(null, JsonRpcId.Null, null, isInitialize: true, out var upstreamId) is null)
        {
            _replaying = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            // The first session's initialize was routed once already: it reads the same now.
            await input.SendAsync(Rewrite(replay, upstreamId, hasToken: false)!, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>A session leaves: the child is told to stop working on its requests, and their remaps are forgotten.</summary>
    internal async ValueTask DetachAsync(SharedSessionLease lease)
    {
        lock (_gate)
        {
            _leases.Remove(lease);
        }

        foreach (var upstreamId in lease.InFlight.ToArray())
        {
            if (_pending.TryRemove(upstreamId, out _))
            {
                var cancel = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":" + upstreamId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"reason\":\"The client session ended.\"}}");
                await WriteAsync(cancel, CancellationToken.None).ConfigureAwait(false);
            }
        }

        foreach (var (id, owner) in _serverRequests)
        {
            if (owner == lease)
            {
                _serverRequests.TryRemove(id, out _);
            }
        }
    }

    private SharedSessionLease[] Sessions()
    {
        lock (_gate)
        {
            return [.. _leases];
        }
    }

    private static void Answer(SharedSessionLease lease, JsonRpcId id, int code, string message)
        => lease.Deliver(JsonRpcErrorWriter.Write(id, code, message));

    /// <summary>An id's JSON text as the relay writes it (<see cref="JsonRpcId.TryRead"/>); null when it is not a routable id.</summary>
    private static string? CanonicalId(ReadOnlySpan<byte> value) => JsonRpcId.TryRead(value, out var id) ? id.Json : null;

    /// <summary>Closes the child's stdin, waits the grace period, then kills its tree.</summary>
    public async ValueTask DisposeAsync()
    {
        await _starting.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_input is { } input)
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }

            if (_process is { } process)
            {
                process.CloseInput();
                if (_limits.ShutdownGrace > TimeSpan.Zero)
                {
                    await process.WaitForExitAsync(_limits.ShutdownGrace).ConfigureAwait(false);
                }

                await process.DisposeAsync().ConfigureAwait(false);
                await _reader.ConfigureAwait(false);
            }
        }
        finally
        {
            _starting.Release();
        }
    }
}
