using System.Text;
using McpVanguard.Transports;

namespace McpVanguard.Tests.Transports;

public sealed class LineFramerTests
{
    private static async Task<List<Frame>> Frames(string text, int max)
    {
        var frames = new List<Frame>();
        await foreach (var f in LineFramer.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), max, CancellationToken.None))
        {
            frames.Add(f);
        }

        return frames;
    }

    [Fact]
    public async Task Splits_on_newlines_and_tolerates_crlf_blank_lines_and_a_missing_final_newline()
    {
        var frames = await Frames("{\"a\":1}\r\n\n  \n{\"b\":2}\n{\"c\":3}", 100);
        Assert.Equal(["{\"a\":1}", "{\"b\":2}", "{\"c\":3}"], frames.Select(f => Encoding.UTF8.GetString(f.Data!)));
    }

    [Fact]
    public async Task An_over_long_line_is_reported_once_and_the_next_line_still_arrives()
    {
        var longLine = new string('x', 200_000);
        var frames = await Frames($"{{\"a\":1}}\n{longLine}\n{{\"b\":2}}\n", 1000);
        Assert.Equal(3, frames.Count);
        Assert.False(frames[0].Oversized);
        Assert.True(frames[1].Oversized);
        Assert.Equal("{\"b\":2}", Encoding.UTF8.GetString(frames[2].Data!));
    }
}
