using McpVanguard.Inspection.Instructions;

namespace McpVanguard.Tests.Inspection.Instructions;

public sealed class TerminalEscapesTests
{
    [Theory]
    [InlineData("a\u001b[31mb", 1, 5)]
    [InlineData("a\u001b[2K\u001b[1Ab", 1, 4)]
    [InlineData("x\u001b]0;title\u0007y", 1, 10)]
    [InlineData("x\u001b]52;c;Zm9v\u001b\\y", 1, 13)]
    [InlineData("x\u009b8my", 1, 3)]
    public void Finds_the_sequence(string text, int start, int length)
    {
        var first = TerminalEscapes.Find(text)[0];
        Assert.Equal((start, length), first);
    }

    [Fact]
    public void Plain_text_has_none() => Assert.False(TerminalEscapes.Any("PASS 12 tests\nDone in 3.1s"));

    [Fact]
    public void An_unterminated_osc_is_cut_off_at_a_bounded_length()
    {
        var text = "\u001b]" + new string('a', 10_000);
        var (start, length) = Assert.Single(TerminalEscapes.Find(text));
        Assert.Equal(0, start);
        Assert.True(length <= 512);
    }
}
