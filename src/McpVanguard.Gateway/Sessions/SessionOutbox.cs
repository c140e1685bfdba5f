using System.Collections.Concurrent;
using System.Threading.Channels;
using McpVanguard.Protocol;
using McpVanguard.Relay;

namespace McpVanguard.Gateway.Sessions;

/// <summary>
/// The client side of a gateway session as the relay sees it (its agent <see cref="IMessageSink"/>): routes each message
/// for the client to the POST it answers, the POST whose progress token it carries, the session's standalone stream, or
/// a small held queue until a stream opens. Routing uses the fields the relay read when it parsed the message; nothing
/// here parses a message again.
/// </summary>
internal sealed class SessionOutbox : IMessageSink
{
    private readonly ConcurrentDictionary<JsonRpcId, PostExchange> _byId = new();
    private readonly ConcurrentDictionary<JsonRpcId, PostExchange> _byProgressToken = new();
    private readonly Channel<ReadOnlyMemory<byte>> _standalone;
    private int _standaloneOpen;

    /// <param name="legacySse">A legacy SSE session has one stream for everything; it gets backpressure instead of a small queue.</param>
    public SessionOutbox(bool legacySse)
    {
        IsLegacySse = legacySse;
        // Streamable HTTP: server messages tied to no request wait here until a GET stream opens; a small bound, oldest
        // dropped, because a client that never opens one must not make the gateway hold messages for ever.
        _standalone = legacySse
            ? Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(1024) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait })
            : Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(64) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });
    }

    public bool IsLegacySse { get; }

    /// <summary>Messages for the standalone stream (the GET stream, or the legacy SSE stream).</summary>
    public ChannelReader<ReadOnlyMemory<byte>> Standalone => _standalone.Reader;

    /// <summary>Requests waiting for their response (bounded by the session's concurrent-request limit).</summary>
    public int PendingPosts => _byId.Count;

    /// <summary>Claims the one standalone stream a session may have; false when one is already open.</summary>
    public bool TryOpenStandalone() => Interlocked.CompareExchange(ref _standaloneOpen, 1, 0) == 0;

    public void CloseStandalone() => Volatile.Write(ref _standaloneOpen, 0);

    public bool StandaloneOpen => Volatile.Read(ref _standaloneOpen) == 1;

    /// <summary>Registers a request's POST under its id (and progress token); false when that id is already in flight.</summary>
    public bool Begin(PostExchange exchange, bool isRequest)
    {
        if (!isRequest)
        {
            return true;
        }

        if (!_byId.TryAdd(exchange.Id, exchange))
        {
            return false;
        }


        if (exchange.ProgressToken is { } token)
        {
            _byProgressToken.TryAdd(token, exchange);
        }

        return true;
    }

    /// <summary>Forgets the POST (answered, timed out or disconnected).</summary>
    public void End(PostExchange exchange, bool isRequest)
    {
        if (isRequest)
        {
            _byId.TryRemove(new KeyValuePair<JsonRpcId, PostExchange>(exchange.Id, exchange));
            if (exchange.ProgressToken is { } token)
            {
                _byProgressToken.TryRemove(new KeyValuePair<JsonRpcId, PostExchange>(token, exchange));
            }
        }

        exchange.Close();
    }

    public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken)
    {
        if (IsLegacySse)
        {
            return WriteLegacyAsync(message.Json, cancellationToken);
        }

        if (message.ReplyTo is PostExchange carrier)
        {
            // The relay's answer to a message it refused: it belongs to the POST that carried that message, whatever its id.
            return carrier.DeliverAsync(new OutboundMessage(message.Json, Final: true, message.IsError), cancellationToken);
        }

        if (message.IsResponse)
        {
            if (!message.Id.IsNull && _byId.TryRemove(message.Id, out var answered))
            {
                if (answered.ProgressToken is { } token)
                {
                    _byProgressToken.TryRemove(new KeyValuePair<JsonRpcId, PostExchange>(token, answered));
                }

                return answered.DeliverAsync(new OutboundMessage(message.Json, Final: true, message.IsError), cancellationToken);
            }
        }
        else if (message.Kind == McpMessageKind.Notification)
        {
            if (message.ProgressToken is { } progress && _byProgressToken.TryGetValue(progress, out var asked))
            {
                return asked.DeliverAsync(new OutboundMessage(message.Json, Final: false, IsError: false), cancellationToken);
            }
        }
        else if (message.IsRequest && SingleWaitingPost() is { } only)
        {
            // A server request (sampling, elicitation, roots) while exactly one request waits is that request's doing:
            // it goes on that request's stream, as a server would send it.
            return only.DeliverAsync(new OutboundMessage(message.Json, Final: false, IsError: false), cancellationToken);
        }

        return SendUnrelatedAsync(message.Json, cancellationToken);
    }

    /// <summary>Server messages tied to no POST: the GET stream, else a POST already streaming, else the held queue.</summary>
    private ValueTask SendUnrelatedAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (!StandaloneOpen)
        {
            foreach (var (_, exchange) in _byId)
            {
                if (exchange.IsStreaming)
                {
                    return exchange.DeliverAsync(new OutboundMessage(message, Final: false, IsError: false), cancellationToken);
                }
            }
        }

        _standalone.Writer.TryWrite(message);
        return ValueTask.CompletedTask;
    }

    private async ValueTask WriteLegacyAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        try
        {
            await _standalone.Writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The stream closed and the session with it.
        }
    }

    private PostExchange? SingleWaitingPost()
    {
        PostExchange? only = null;
        foreach (var (_, exchange) in _byId)
        {
            if (only is not null)
            {
                return null;
            }

            only = exchange;
        }

        return only;
    }

    /// <summary>Ends every stream: the session is over.</summary>
    public void Complete()
    {
        _standalone.Writer.TryComplete();
        foreach (var (_, exchange) in _byId)
        {
            exchange.Close();
        }
    }
}
