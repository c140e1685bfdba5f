using McpVanguard.Inspection;
using McpVanguard.Inspection.Preflight;
using Xunit;

namespace McpVanguard.Tests.Inspection;

public sealed class ArgumentRolesTests
{
    private static ArgumentRole Role(string key, string value, string tool = "some_tool") =>
        ArgumentRoles.Classify(StringCanonicalizer.Canonicalize(key, value), tool);

    [Theory]
    [InlineData("command", "ls -la", ArgumentRole.Command)]
    [InlineData("cmd", "git status", ArgumentRole.Command)]
    [InlineData("path", "src/main.cs", ArgumentRole.Path)]
    [InlineData("file_path", "README.md", ArgumentRole.Path)]
    [InlineData("destination", "out/x", ArgumentRole.Path)]
    [InlineData("anything", "/etc/passwd", ArgumentRole.Path)]
    [InlineData("anything", "~/x", ArgumentRole.Path)]
    [InlineData("anything", "C:\\x", ArgumentRole.Path)]
    [InlineData("url", "https://example.com", ArgumentRole.Url)]
    [InlineData("callback_url", "example.com", ArgumentRole.Url)]
    [InlineData("anything", "https://example.com", ArgumentRole.Url)]
    [InlineData("profile", "default", ArgumentRole.None)]
    [InlineData("direction", "up", ArgumentRole.None)]
    public void Classifies_by_key_and_shape(string key, string value, ArgumentRole expected)
    {
        Assert.Equal(expected, Role(key, value));
    }

    [Theory]
    [InlineData("content", "rm -rf / && cat /etc/passwd")]
    [InlineData("text", "/etc/shadow")]
    [InlineData("query", "../../etc")]
    [InlineData("message", "https://169.254.169.254/")]
    public void Never_treats_content_as_command_or_path(string key, string value)
    {
        Assert.Equal(ArgumentRole.None, Role(key, value));
    }

    [Fact]
    public void Argv_items_are_commands_only_for_exec_tools()
    {
        Assert.Equal(ArgumentRole.Command, Role("args", "-c", "run_command"));
        Assert.Equal(ArgumentRole.None, Role("args", "-c", "search_issues"));
    }

    [Theory]
    [InlineData("write_file", true)]
    [InlineData("createDirectory", true)]
    [InlineData("fs.writefile", true)]
    [InlineData("move_file", true)]
    [InlineData("overwrite_config", true)]
    [InlineData("PutObject", true)]
    [InlineData("edit_file", true)]
    [InlineData("get_output", false)]
    [InlineData("read_input", false)]
    [InlineData("compute_hash", false)]
    [InlineData("read_file", false)]
    [InlineData("list_directory", false)]
    public void A_write_tool_is_named_by_a_word_not_a_substring(string tool, bool write)
        => Assert.Equal(write, ArgumentRoles.IsWriteTool(tool));
}
