using McpVanguard.Transports.Stdio;

namespace McpVanguard.Tests.Transports;

/// <summary>The joined command line identifies a server's pins, so it must split back into exactly the same argv.</summary>
public sealed class CommandLineJoinTests
{
    [Theory]
    [InlineData(new[] { "npx", "-y", "@modelcontextprotocol/server-filesystem", "/home/me" }, "npx -y @modelcontextprotocol/server-filesystem /home/me")]
    [InlineData(new[] { "node", "my server.js", "it's" }, "node 'my server.js' 'it'\\''s'")]
    [InlineData(new[] { "cmd", "" }, "cmd ''")]
    public void JoinIsReadableAndSplitsBackToTheSameArguments(string[] argv, string expected)
    {
        var line = CommandLineSplitter.Join(argv);

        Assert.Equal(expected, line);
        Assert.Equal(argv, CommandLineSplitter.Split(line));
    }
}
