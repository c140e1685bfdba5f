using McpVanguard.Protocol;
using McpVanguard.Relay;

namespace McpVanguard.Transports;

/// <summary>
/// The one loop that feeds a transport's frames to the relay, used by every transport (stdio both ways, a gateway
/// session's stdio child or remote HTTP server). The ordering rules live here and nowhere else.
/// </summary>
public static class RelayLoop
{
    /// <summary>
    /// Responses of one direction that may wait for their inspection (an L2 score) while later messages go ahead; the
    /// reader stops at this many, so memory stays bounded (each holds one frame, at most the message size limit).
    /// </summary>
    public const int MaxHeldResponses = 32;

    /// <summary>Relays what one side sends until it is gone or <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task PumpAsync(IAsyncEnumerable<Frame> frames, McpRelay relay, Direction direction, CancellationToken cancellationToken)
    {
        var held = new HeldResponses(MaxHeldResponses);
        try
        {
            // 1. The transport frames the stream and cuts every frame at the message size limit before it is buffered.
            await foreach (var frame in frames.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                // 2. An oversized frame is refused (PRE-001) and its sender told; it was never buffered, so it cannot be
                //    forwarded even under monitor.
                if (frame.Oversized)
                {
                    await relay.OversizedAsync(direction, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // 3. Every message starts in the order sent, and its synchronous part (parsing, the request table, the
                //    L0/L1 inspectors and their per-session state) runs before the next message is read.
                var inbound = InboundMessage.Parse(frame.Data!, relay.MaxDepth);
                var response = inbound.Message?.IsResponse == true;
                var step = direction == Direction.AgentToServer
                    ? relay.FromAgentAsync(inbound, null, cancellationToken)
                    : relay.FromServerAsync(inbound, cancellationToken);
                if (step.IsCompleted)
                {
                    _ = step.Result;
                    continue;
                }

                // 4. A step still running waits for an asynchronous stage (an L2 score), or for room in the writer.
                //    Requests and notifications keep their order: everything after one waits for it, so a cancellation
                //    never overtakes the request it cancels, `notifications/initialized` never overtakes `initialize`,
                //    and a progress notification never overtakes the response it precedes. A *response* may be
                //    overtaken: JSON-RPC matches responses to requests by id, never by position, so while one tool
                //    result waits for its score the messages behind it go on (up to MaxHeldResponses at a time).
                if (response)
                {
                    await held.AddAsync(step.AsTask()).ConfigureAwait(false);
                }
                else
                {
                    await step.ConfigureAwait(false);
                }
            }

            // 5. The peer is gone: the held responses still reach the other side before the loop ends.
            await held.DrainAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // 6. Shutdown: a signal, or the session ended.
        }
        catch (ObjectDisposedException)
        {
            // 7. The session ended and disposed the transport while the loop was reading: the peer is gone.
        }
    }
}
