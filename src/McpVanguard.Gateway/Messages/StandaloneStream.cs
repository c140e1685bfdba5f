using System.Buffers;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace McpVanguard.Gateway.Messages;

/// <summary>
/// Pumps a session's standalone messages (the Streamable HTTP GET stream, or the legacy SSE stream) to the response, with
/// a comment line when nothing was sent for a while: it keeps proxies from closing an idle stream, and a write to a
/// client that vanished without closing its connection fails, which ends the stream instead of holding it for ever.
/// </summary>
internal static class StandaloneStream
{
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    private static ReadOnlySpan<byte> MessageEvent => "event: message\n"u8;

    private static ReadOnlySpan<byte> KeepAlive => ": keep-alive\n\n"u8;

    /// <summary>Runs until the channel completes (the session ended) or <paramref name="cancellationToken"/> fires.</summary>
    public static async Task PumpAsync(ChannelReader<ReadOnlyMemory<byte>> messages, HttpResponse response, CancellationToken cancellationToken)
    {
        var writer = response.BodyWriter;
        // One pending wait at a time, carried over a keep-alive tick, so the reader never has two waiters.
        Task<bool>? waiting = null;
        while (true)
        {
            waiting ??= messages.WaitToReadAsync(cancellationToken).AsTask();
            var finished = await Task.WhenAny(waiting, Task.Delay(KeepAliveInterval, cancellationToken)).ConfigureAwait(false);
            if (finished != waiting)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Write(KeepAlive);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!await waiting.ConfigureAwait(false))
            {
                return;
            }

            waiting = null;
            while (messages.TryRead(out var message))
            {
                await SseEventWriter.WriteAsync(writer, MessageEvent, message, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
