using System.Buffers;
using System.Threading.Channels;
using McpVanguard.Relay;

namespace McpVanguard.Transports;

/// <summary>
/// Writes newline-delimited messages to a stream on its own task, so that a slow reader on the other end never stalls
/// inspection; writes are serialised and flushed when the queue empties.
/// </summary>
public sealed class StreamMessageWriter : IMessageSink, IAsyncDisposable
{
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

    public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken) => SendAsync(message.Json, cancellationToken);

    /// <summary>Queues one message's bytes for writing as a line.</summary>
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
                    await WriteLineAsync(message).ConfigureAwait(false);
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

    /// <summary>
    /// Writes the message and its newline in one write: two writes cost two system calls on an unbuffered pipe and wake
    /// the reader twice, once for a line it cannot use yet.
    /// </summary>
    private async ValueTask WriteLineAsync(ReadOnlyMemory<byte> message)
    {
        var line = ArrayPool<byte>.Shared.Rent(message.Length + 1);
        try
        {
            message.CopyTo(line);
            // One message, one line: a JSON body from HTTP may hold line breaks between tokens (the only place valid JSON can
            // hold a raw CR or LF), which a stdio peer would read as broken lines and never answer (found by fuzzing the
            // gateway). Written as spaces, the same JSON whitespace, so no value changes.
            var body = line.AsSpan(0, message.Length);
            if (body.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
            {
                body.Replace((byte)'\n', (byte)' ');
                body.Replace((byte)'\r', (byte)' ');
            }

            line[message.Length] = (byte)'\n';
            await _stream.WriteAsync(line.AsMemory(0, message.Length + 1)).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(line);
        }
    }

    /// <summary>Writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }
}
