using McpVanguard.Protocol;
using McpVanguard.Relay;

namespace McpVanguard.Transports;

/// <summary>
/// The one loop that feeds a transport's frames to the relay, used by every transport (stdio both ways, a gateway
/// session's stdio child or remote HTTP server). The ordering rules live here and nowhere else.
/// </summary>
public static class RelayLoop
{
    /// <summary>Relays what one side sends until it is gone or <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task PumpAsync(IAsyncEnumerable<Frame> frames, McpRelay relay, Direction direction, CancellationToken cancellationToken)
    {
        try
        {
            // 1. The transport frames the stream and cuts every frame at the message size limit before it is buffered.
            await foreach (var frame in frames.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                // 2. One message at a time, in the order sent: a progress notification never overtakes the response it
                //    precedes, `notifications/initialized` never overtakes `initialize`, a cancellation never overtakes the
                //    request it cancels. Inspection costs microseconds, so waiting is cheaper than re-ordering.
                // 3. An oversized frame is refused (PRE-001) and its sender told; it was never buffered, so it cannot be
                //    forwarded even under monitor.
                // 4. Everything else goes through the relay: parsed once, inspected, forwarded or answered, audited.
                _ = frame.Oversized
                    ? await relay.OversizedAsync(direction, cancellationToken).ConfigureAwait(false)
                    : direction == Direction.AgentToServer
                        ? await relay.FromAgentAsync(frame.Data!, cancellationToken).ConfigureAwait(false)
                        : await relay.FromServerAsync(frame.Data!, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // 5. Shutdown: a signal, or the session ended.
        }
        catch (ObjectDisposedException)
        {
            // 6. The session ended and disposed the transport while the loop was reading: the peer is gone.
        }
    }
}
