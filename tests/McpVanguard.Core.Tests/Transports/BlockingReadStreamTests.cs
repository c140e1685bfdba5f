using System.Text;
using McpVanguard.Transports;
using McpVanguard.Transports.Stdio;

namespace McpVanguard.Tests.Transports;

public sealed class BlockingReadStreamTests
{
    [Fact]
    public async Task Frames_read_through_it_arrive_whole_and_every_read_completes_on_the_calling_thread()
    {
        var text = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"{{\"n\":{i}}}")) + "\n";
        var stream = new BlockingReadStream(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        // A read that completed asynchronously would resume the pump on another thread: it must never happen.
        var read = stream.ReadAsync(new byte[64], TestContext.Current.CancellationToken);
        Assert.True(read.IsCompleted);

        var frames = new List<string>();
        await foreach (var frame in LineFramer.ReadAsync(new BlockingReadStream(new MemoryStream(Encoding.UTF8.GetBytes(text))), 1024, CancellationToken.None))
        {
            frames.Add(Encoding.UTF8.GetString(frame.Data!));
        }

        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"{{\"n\":{i}}}"), frames);
    }

    [Fact]
    public async Task A_cancelled_read_is_refused_before_it_blocks()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var stream = new BlockingReadStream(new MemoryStream([1, 2, 3]));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.ReadAsync(new byte[4], cancelled.Token).AsTask());
    }
}
