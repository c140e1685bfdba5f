using McpVanguard.Audit;

namespace McpVanguard.Tests.Audit;

public sealed class LogLineTextTests
{
    [Theory]
    [InlineData("read_file\n[vanguard] BLOCKED nothing", "read_file\\n[vanguard] BLOCKED nothing")]
    [InlineData("a\rb", "a\\rb")]
    [InlineData("a\tb", "a\\tb")]
    [InlineData("\u001B[2Jclear", "\\x1B[2Jclear")]
    [InlineData("c1\u009B31m", "c1\\x9B31m")]
    [InlineData("nul\u0000", "nul\\x00")]
    [InlineData("del\u007F", "del\\x7F")]
    [InlineData("line\u2028sep\u2029", "line\\u2028sep\\u2029")]
    [InlineData("txt.\u202Eexe", "txt.\\u202Eexe")]
    [InlineData("\u2066iso\u2069\u200F\u061C", "\\u2066iso\\u2069\\u200F\\u061C")]
    public void Escapes_characters_that_could_forge_or_reorder_a_line(string input, string expected)
        => Assert.Equal(expected, LogLineText.Escape(input));

    [Theory]
    [InlineData("read_file")]
    [InlineData("résumé_über_日本語_🙂")]
    [InlineData("path\\with\\backslashes and \"quotes\"")]
    [InlineData("zero\u200Bwidth")]
    public void Leaves_ordinary_text_alone_without_copying_it(string input)
        => Assert.Same(input, LogLineText.Escape(input));

    [Fact]
    public void Null_becomes_empty() => Assert.Equal(string.Empty, LogLineText.Escape(null));
}
