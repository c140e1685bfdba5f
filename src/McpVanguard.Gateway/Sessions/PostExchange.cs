using System.Threading.Channels;
using McpVanguard.Protocol;

namespace McpVanguard.Gateway.Sessions;

/// <summary>
/// One POST waiting for what the upstream sends about it: its response, and before that any progress notifications or
/// server requests, which switch the POST to an SSE stream. Bounded: a client that stops reading slows only its session.
/// </summary>
internal sealed class PostExchange(JsonRpcId id, JsonRpcId? progressToken)
{
    /// <summary>Messages held for one POST before the upstream pump waits for the client to read.</summary>
    private const int Capacity = 256;

    private readonly Channel<OutboundMessage> _messages = Channel.CreateBounded<OutboundMessage>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public JsonRpcId Id { get; } = id;

    /// <summary>The request's <c>params._meta.progressToken</c>: progress notifications carrying it belong to this POST.</summary>
    public JsonRpcId? ProgressToken { get; } = progressToken;

    /// <summary>Set once the POST answers with an SSE stream, so unrelated server messages may use it too.</summary>
    public bool IsStreaming { get; set; }

    public ChannelReader<OutboundMessage> Reader => _messages.Reader;

    /// <summary>Hands a message to the POST; after the final one (or once the POST is gone) further messages are dropped.</summary>
    public async ValueTask DeliverAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _messages.Writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            if (message.Final)
            {
                _messages.Writer.TryComplete();
            }
        }
        catch (ChannelClosedException)
        {
            // The client went away or timed out: there is nobody left to tell.
        }
    }

    /// <summary>Ends the exchange from the HTTP side (answered, timed out or the client disconnected).</summary>
    public void Close() => _messages.Writer.TryComplete();
}
