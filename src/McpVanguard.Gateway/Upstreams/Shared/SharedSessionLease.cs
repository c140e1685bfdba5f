using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Transports;

namespace McpVanguard.Gateway.Upstreams.Shared;

/// <summary>
/// One session's side of a shared child, the session's upstream transport: what the session's relay sends goes to the
/// child with the child's ids, and what the child sends for this session comes back here with the session's ids. The
/// session keeps its own relay, so inspection, audit, pins and the caller stay per session.
/// </summary>
internal sealed class SharedSessionLease : IMcpTransport
{
    private readonly SharedChild _child;
    private readonly Channel<Frame> _inbox;

    /// <summary>This session's requests in flight on the child: its own id (JSON text) to the child's id.</summary>
    private readonly ConcurrentDictionary<string, long> _inFlight = new(StringComparer.Ordinal);

    private readonly int _capacity;
    private int _disposed;

    public SharedSessionLease(SharedChild child, int inboxCapacity)
    {
        _child = child;
        _capacity = inboxCapacity;
        _inbox = Channel.CreateBounded<Frame>(new BoundedChannelOptions(inboxCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>The child this session is multiplexed onto.</summary>
    public SharedChild Child => _child;

    public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken) => _child.SendAsync(this, message, cancellationToken);

    public async IAsyncEnumerable<Frame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var frame in _inbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return frame;
        }
    }

    /// <summary>
    /// Hands the session one message from the child. Never waits: a session whose relay fell <c>InboxCapacity</c>
    /// messages behind is ended (its stream completes, the session closes) rather than stalling every other session.
    /// </summary>
    /// <returns>False when the session was ended for falling behind (or had already ended).</returns>
    public bool Deliver(byte[] json)
    {
        if (_inbox.Writer.TryWrite(new Frame(json)))
        {
            return true;
        }

        if (_inbox.Writer.TryComplete())
        {
            Logging.UpstreamLog.SharedSessionOverflow(_child.Logger, _child.ServerId, _capacity);
        }

        return false;
    }

    internal void Track(JsonRpcId id, long upstreamId) => _inFlight[id.Json] = upstreamId;

    internal void Untrack(JsonRpcId id) => _inFlight.TryRemove(id.Json, out _);

    /// <summary>The child's id for this session's request <paramref name="id"/> (JSON text), for a cancellation.</summary>
    internal bool TryUpstreamId(string id, out long upstreamId) => _inFlight.TryGetValue(id, out upstreamId);

    /// <summary>The child's ids of every request this session still waits for.</summary>
    internal ICollection<long> InFlight => _inFlight.Values;

    /// <summary>Leaves the child: its pending requests are cancelled there and forgotten; the session's stream ends.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _inbox.Writer.TryComplete();
        await _child.DetachAsync(this).ConfigureAwait(false);
    }
}
