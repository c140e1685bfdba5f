namespace McpVanguard.Transports.Stdio;

/// <summary>
/// A read-only view of a pipe whose asynchronous reads are its blocking reads, for a relay pump that has a thread of its
/// own: the kernel wakes that thread when a message arrives and the message is inspected and forwarded on it, with no
/// event-loop thread and no thread-pool hand-off in between (each costs a wake-up, and on a busy machine a wait for a core).
/// </summary>
public sealed class BlockingReadStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    /// <summary>Blocks until bytes arrive; cancellation is observed before the read (a pipe read cannot be interrupted).</summary>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<int>(cancellationToken);
        }

        try
        {
            return ValueTask.FromResult(inner.Read(buffer.Span));
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            return ValueTask.FromException<int>(ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
