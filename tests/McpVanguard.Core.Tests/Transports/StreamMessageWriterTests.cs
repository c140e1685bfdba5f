using System.Text;
using McpVanguard.Transports;

namespace McpVanguard.Tests.Transports;

public sealed class StreamMessageWriterTests
{
    [Fact]
    public async Task Each_message_is_one_write_of_the_message_and_its_newline_made_by_the_sender_itself()
    {
        var stream = new RecordingStream();
        await using var writer = new StreamMessageWriter(stream);
        var sender = Environment.CurrentManagedThreadId;

        await writer.SendAsync(Encoding.UTF8.GetBytes("{\"a\":1}"), CancellationToken.None);
        await writer.SendAsync(Encoding.UTF8.GetBytes("{\"b\":2}"), CancellationToken.None);

        // Written before SendAsync returned, on the sender's thread: no hand-off to a writer task per message.
        Assert.Equal(["{\"a\":1}\n", "{\"b\":2}\n"], stream.Writes);
        Assert.All(stream.WriterThreads, thread => Assert.Equal(sender, thread));
    }

    [Fact]
    public async Task A_stream_that_cannot_take_a_write_does_not_hold_up_senders_and_every_message_arrives_in_order()
    {
        var stream = new RecordingStream { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var writer = new StreamMessageWriter(stream);

        // The first write waits for the peer; the senders of the next 50 are not held up by it.
        for (var i = 0; i < 50; i++)
        {
            var sent = writer.SendAsync(Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"), CancellationToken.None);
            Assert.True(sent.IsCompleted);
        }

        Assert.Single(stream.Writes);
        stream.Gate.SetResult();
        await writer.DisposeAsync();

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"{{\"n\":{i}}}\n"), stream.Writes);
    }

    [Fact]
    public async Task Concurrent_senders_lose_nothing_and_keep_each_senders_order()
    {
        var stream = new RecordingStream { Yield = true };
        var writer = new StreamMessageWriter(stream, capacity: 8);

        // Four senders at once, through a queue smaller than what they send (backpressure), on a stream that completes asynchronously.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(sender => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await writer.SendAsync(Encoding.UTF8.GetBytes($"{sender}:{i}"), CancellationToken.None);
            }
        })));
        await writer.DisposeAsync();

        Assert.Equal(800, stream.Writes.Count);
        for (var sender = 0; sender < 4; sender++)
        {
            var prefix = $"{sender}:";
            var seen = stream.Writes.Where(w => w.StartsWith(prefix, StringComparison.Ordinal)).Select(w => int.Parse(w[prefix.Length..^1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(0, 200), seen);
        }
    }

    [Fact]
    public async Task A_line_break_inside_a_message_is_written_as_a_space()
    {
        var stream = new RecordingStream();
        await using var writer = new StreamMessageWriter(stream);
        await writer.SendAsync(Encoding.UTF8.GetBytes("{\"a\":\r\n1}"), CancellationToken.None);
        Assert.Equal(["{\"a\":  1}\n"], stream.Writes);
    }

    [Fact]
    public async Task A_peer_that_closed_its_end_marks_the_writer_broken_and_later_sends_are_dropped_without_error()
    {
        var stream = new RecordingStream { Broken = true };
        await using var writer = new StreamMessageWriter(stream);
        await writer.SendAsync(Encoding.UTF8.GetBytes("{}"), CancellationToken.None);
        Assert.True(writer.IsBroken);
        await writer.SendAsync(Encoding.UTF8.GetBytes("{}"), CancellationToken.None);
    }

    /// <summary>Records each write as text, the thread that made it, and can hold the first write or fail every write.</summary>
    private sealed class RecordingStream : Stream
    {
        private readonly Lock _gate = new();

        public List<string> Writes { get; } = [];

        public List<int> WriterThreads { get; } = [];

        public TaskCompletionSource? Gate { get; init; }

        public bool Yield { get; init; }

        public bool Broken { get; init; }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Broken)
            {
                throw new IOException("Broken pipe");
            }

            lock (_gate)
            {
                Writes.Add(Encoding.UTF8.GetString(buffer.Span));
                WriterThreads.Add(Environment.CurrentManagedThreadId);
            }

            if (Gate is { } gate)
            {
                await gate.Task;
            }
            else if (Yield)
            {
                await Task.Yield();
            }
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        // Unbuffered, like the pipes of stdio: nothing to flush, done at once.
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
