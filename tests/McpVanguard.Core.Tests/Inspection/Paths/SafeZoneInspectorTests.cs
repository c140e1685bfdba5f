using McpVanguard.Inspection.Paths;
using Xunit;
using static McpVanguard.Tests.InspectionContextFactory;

namespace McpVanguard.Tests.Inspection.Paths;

public sealed class SafeZoneInspectorTests : IDisposable
{
    private readonly string _temp;
    private readonly string _zone;
    private readonly string _outside;
    private readonly SafeZoneInspector _inspector;

    public SafeZoneInspectorTests()
    {
        _temp = Directory.CreateTempSubdirectory("vanguard-zone-").FullName;
        _zone = Directory.CreateDirectory(Path.Combine(_temp, "zone")).FullName;
        _outside = Directory.CreateDirectory(Path.Combine(_temp, "outside")).FullName;
        Directory.CreateDirectory(Path.Combine(_zone, "src"));
        File.WriteAllText(Path.Combine(_zone, "src", "main.cs"), "x");
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "x");
        Directory.CreateSymbolicLink(Path.Combine(_zone, "escape"), _outside);
        Directory.CreateSymbolicLink(Path.Combine(_zone, "deep"), Path.Combine(_outside, "a", "b"));
        File.CreateSymbolicLink(Path.Combine(_zone, "inner-link"), Path.Combine(_zone, "src", "main.cs"));
        _inspector = new SafeZoneInspector([_zone], _zone, homeDirectory: Path.Combine(_temp, "home"));
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private bool Blocks(string path) =>
        Run(_inspector, ToolCall("read_file", new { path })).Exists(f => f.RuleId == "ZONE-001");

    [Theory]
    [InlineData("src/main.cs")]
    [InlineData("./src/main.cs")]
    [InlineData("src/new-file-not-yet-created.cs")]
    [InlineData("src/newdir/another/file.txt")]
    [InlineData("inner-link")]
    [InlineData(".")]
    public void Allows_paths_inside_the_zone(string path)
    {
        Assert.False(Blocks(path));
    }

    [Fact]
    public void Allows_absolute_and_file_url_paths_inside_the_zone()
    {
        Assert.False(Blocks(Path.Combine(_zone, "src", "main.cs")));
        Assert.False(Blocks("file://" + Path.Combine(_zone, "src", "main.cs")));
    }

    [Theory]
    [InlineData("../outside/secret.txt")]
    [InlineData("src/../../outside/secret.txt")]
    [InlineData("..\\outside\\secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("file:///etc/passwd")]
    [InlineData("~/.ssh/id_rsa")]
    [InlineData("escape/secret.txt")]
    [InlineData("escape/not-created-yet.txt")]
    [InlineData("deep/dangling-target.txt")]
    [InlineData("escape/../zone-looking-sibling")]
    public void Blocks_paths_outside_the_zone(string path)
    {
        Assert.True(Blocks(path));
    }

    [Fact]
    public void Blocks_a_prefix_sibling_of_the_zone()
    {
        Directory.CreateDirectory(_zone + "-evil");
        Assert.True(Blocks(_zone + "-evil/x"));
    }

    [Fact]
    public void Does_nothing_without_roots()
    {
        var open = new SafeZoneInspector([], _zone);
        Assert.Empty(Run(open, ToolCall("read_file", new { path = "/etc/passwd" })));
    }

    [Fact]
    public void Ignores_content_and_urls()
    {
        var context = ToolCall("write_file", new { path = "src/a.txt", content = "/etc/passwd", url = "https://example.com/x" });
        Assert.Empty(Run(_inspector, context));
    }

    [Fact]
    public void Fails_closed_on_link_loops()
    {
        File.CreateSymbolicLink(Path.Combine(_zone, "loop1"), Path.Combine(_zone, "loop2"));
        File.CreateSymbolicLink(Path.Combine(_zone, "loop2"), Path.Combine(_zone, "loop1"));
        Assert.True(Blocks("loop1"));
    }
}
