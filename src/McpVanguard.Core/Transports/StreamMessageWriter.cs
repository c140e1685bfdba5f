using System.Buffers;
using System.Threading.Channels;
using McpVanguard.Relay;

namespace McpVanguard.Transports;

/// <summary>
/// Writes newline-delimited messages to a stream in the order they were queued. The sender that finds nobody writing
/// writes the queue out itself, on its own thread: one message costs one write and no hand-off to another thread. A
/// write the stream cannot take at once (the peer reads slowly) continues when the stream is ready, while senders go on
/// queueing, so a slow reader on the other end never stalls inspection.
/// </summary>
public sealed class StreamMessageWriter : IMessageSink, IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly Channel<ReadOnlyMemory<byte>> _queue;

    // A pipe or socket stream buffers nothing, and Stream.FlushAsync's default runs a no-op Flush on a thread-pool thread:
    // a hand-off per message for nothing.
    private readonly bool _flushes;

    // 1 while one sender (or the continuation of its unfinished write) owns the stream; Interlocked keeps it to one owner.
    private int _writing;

    /// <param name="stream">The destination (stdout, or a child's stdin).</param>
    /// <param name="capacity">Messages queued before senders wait: backpressure instead of unbounded memory.</param>
    public StreamMessageWriter(Stream stream, int capacity = 1024)
    {
        _stream = stream;
        _flushes = stream is not System.IO.Pipes.PipeStream;
        _queue = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(capacity) { SingleReader = false, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Set when the destination stopped accepting writes (the peer closed its end).</summary>
    public bool IsBroken { get; private set; }

    public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken) => SendAsync(message.Json, cancellationToken);

    /// <summary>Queues one message's bytes for writing as a line, and writes the queue out if nobody else is.</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (IsBroken)
        {
            return ValueTask.CompletedTask;
        }

        if (!_queue.Writer.TryWrite(message))
        {
            return WaitAndWriteAsync(message, cancellationToken);
        }

        StartWriting();
        return ValueTask.CompletedTask;
    }

    private async ValueTask WaitAndWriteAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            StartWriting();
        }
        catch (ChannelClosedException)
        {
            // The writer was closed during shutdown; the destination is going away.
        }
    }

    /// <summary>Writes the queue out on this thread unless another sender already does (it then writes this message too).</summary>
    private void StartWriting()
    {
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            // Not awaited: a write the stream cannot take at once finishes on its own, the sender goes on.
            _ = WriteQueuedAsync();
        }
    }

    /// <summary>Owns the stream until the queue is empty, then lets go; a message queued meanwhile is taken on again.</summary>
    private async Task WriteQueuedAsync()
    {
        var reader = _queue.Reader;
        do
        {
            try
            {
                while (reader.TryRead(out var message))
                {
                    await WriteLineAsync(message).ConfigureAwait(false);
                }

                if (_flushes)
                {
                    // A buffered stream gets its bytes out once per burst.
                    await _stream.FlushAsync().ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                IsBroken = true;
                while (reader.TryRead(out _))
                {
                    // Drain: the peer is gone and nothing more can be delivered.
                }
            }

            Volatile.Write(ref _writing, 0);

            // A sender that queued after the last TryRead and found the stream owned left its message to us: take it.
        }
        while (reader.TryPeek(out _) && Interlocked.CompareExchange(ref _writing, 1, 0) == 0);
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

        // Wait for the current owner to let go (shutdown only), then write what is left and keep the stream for good.
        while (Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
        {
            await Task.Delay(1).ConfigureAwait(false);
        }

        var reader = _queue.Reader;
        try
        {
            while (!IsBroken && reader.TryRead(out var message))
            {
                await WriteLineAsync(message).ConfigureAwait(false);
            }

            if (_flushes)
            {
                await _stream.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            IsBroken = true;
        }
    }
}
