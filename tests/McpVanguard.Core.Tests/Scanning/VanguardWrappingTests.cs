using McpVanguard.Scanning;

namespace McpVanguard.Tests.Scanning;

public sealed class VanguardWrappingTests
{
    [Theory]
    [InlineData("/home/me/.dotnet/tools/vanguard|start|--server-id|files|--|npx|-y|pkg", "npx|-y|pkg", "files")]
    [InlineData("vanguard|start|--safe-zone|/tmp|--|node|server.js|--|inner-arg", "node|server.js|--|inner-arg", null)]
    [InlineData("/usr/share/dotnet/dotnet|/opt/vanguard/vanguard.dll|start|--server-id=db|--|python|-m|db", "python|-m|db", "db")]
    [InlineData(@"C:\Users\me\.dotnet\tools\vanguard.exe|start|--server|npx -y ""my pkg""", "npx|-y|my pkg", null)]
    [InlineData("vanguard|start|-s|node s.js|--server-id|x", "node|s.js", "x")]
    public void RecognisesEveryFormOfVanguardStart(string argv, string inner, string? serverId)
    {
        var wrapping = VanguardWrapping.TryRead(argv.Split('|'));

        Assert.NotNull(wrapping);
        Assert.Equal(inner.Split('|'), wrapping.Inner);
        Assert.Equal(serverId, wrapping.ServerId);
    }

    [Theory]
    [InlineData("vanguard|start|--profile|strict|--|npx|-y|pkg", "strict")]
    [InlineData("vanguard|start|-p|monitor|--server-id|x|--|node|s.js", "monitor")]
    [InlineData("vanguard|start|--profile=Balanced|--server|node s.js", "Balanced")]
    [InlineData("vanguard|start|--|node|s.js|--profile|strict", null)]
    public void ReadsTheProfileOfTheWrappingNotOfTheInnerServer(string argv, string? profile)
        => Assert.Equal(profile, VanguardWrapping.TryRead(argv.Split('|'))!.Profile);

    [Theory]
    [InlineData("npx|-y|@modelcontextprotocol/server-filesystem|/tmp")]
    [InlineData("vanguard|serve|--server|node s.js")]
    [InlineData("vanguard-like|start|--|node")]
    [InlineData("vanguard|start")]
    [InlineData("vanguard|start|--")]
    [InlineData("dotnet|other.dll|start|--|node")]
    public void AnythingElseIsNotAWrapping(string argv)
        => Assert.Null(VanguardWrapping.TryRead(argv.Split('|')));

    [Fact]
    public void ConfigReaderScansTheInnerServerOfAWrappedEntry()
    {
        var folder = Directory.CreateTempSubdirectory("vanguard-wrap-").FullName;
        try
        {
            var file = Path.Join(folder, "claude_desktop_config.json");
            File.WriteAllText(file, """{"mcpServers": {"files": {"command": "/x/vanguard", "args": ["start", "--server-id", "files", "--", "node", "fs.js"], "env": {"A": "1"}}}}""");

            var target = Assert.Single(McpConfigReader.Read(file));

            Assert.Equal(["node", "fs.js"], target.Command);
            Assert.Equal("/x/vanguard start --server-id files -- node fs.js", target.UnwrappedFrom);
            Assert.Equal("1", target.Environment!["A"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
