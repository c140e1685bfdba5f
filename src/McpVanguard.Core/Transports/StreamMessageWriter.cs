using System.Threading.Channels;
using McpVanguard.Relay;

namespace McpVanguard.Transports;

/// <summary>
/// Writes newline-delimited messages to a stream on its own task, so that a slow reader on the other end never stalls
/// inspection; writes are serialised and flushed when the queue empties.
/// </summary>
public sealed class StreamMessageWriter : IMessageSink, IAsyncDisposable
{
    private static readonly byte[] Newline = "\n"u8.ToArray();

    private readonly Stream _stream;
    private readonly Channel<ReadOnlyMemory<byte>> _queue;
    private readonly Task _pump;

    /// <param name="stream">The destination (stdout, or a child's stdin).</param>
    /// <param name="capacity">Messages queued before senders wait: backpressure instead of unbounded memory.</param>
    public StreamMessageWriter(Stream stream, int capacity = 1024)
    {
        _stream = stream;
        _queue = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Set when the destination stopped accepting writes (the peer closed its end).</summary>
    public bool IsBroken { get; private set; }

    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (IsBroken || _queue.Writer.TryWrite(message))
        {
            return ValueTask.CompletedTask;
        }

        return WaitAndWriteAsync(message, cancellationToken);
    }

    private async ValueTask WaitAndWriteAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The writer was closed during shutdown; the destination is going away.
        }
    }

    private async Task PumpAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            try
            {
                while (reader.TryRead(out var message))
                {
                    await _stream.WriteAsync(message).ConfigureAwait(false);
                    await _stream.WriteAsync(Newline).ConfigureAwait(false);
                }

                await _stream.FlushAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                IsBroken = true;
                while (reader.TryRead(out _))
                {
                    // Drain: the peer is gone and nothing more can be delivered.
                }
            }
        }
    }

    /// <summary>Writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }
}
