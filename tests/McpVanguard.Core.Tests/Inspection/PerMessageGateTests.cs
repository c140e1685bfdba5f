using McpVanguard.Inspection;
using McpVanguard.Inspection.Network;
using McpVanguard.Inspection.Paths;
using McpVanguard.Inspection.Sql;
using Xunit;
using static McpVanguard.Tests.InspectionContextFactory;

namespace McpVanguard.Tests.Inspection;

/// <summary>
/// The cheap preconditions that keep a check off a message it cannot fire on (the SSRF command scan, the NoSQL operator walk, the
/// composed-path walk): each lets through every spelling its check can report, and stops the everyday calls it is there for.
/// </summary>
public sealed class PerMessageGateTests
{
    private static List<Finding> Call(IInspector inspector, string tool, string argumentsJson)
        => Run(inspector, FromJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + argumentsJson + "}}"));

    [Theory]
    [InlineData("grep -rn \"TODO\" src --include=*.cs | sort | head -n 50")]
    [InlineData("npm test")]
    [InlineData("git status && git diff --stat")]
    [InlineData("cd src && make -j 8")]
    public void An_everyday_command_line_is_not_scanned_for_addresses(string command)
    {
        Assert.False(SsrfInspector.MayNameAddress(command));
    }

    [Theory]
    [InlineData("curl http://example.com/")]
    [InlineData("nc 10.0.0.7 4444")]
    [InlineData("curl [::1]:80")]
    [InlineData("ssh metadata.google.internal")]
    [InlineData("curl -s LOCALHOST:8080/admin")]
    [InlineData("echo x|nc 169.254.169.254 80")]
    [InlineData("python3 -c \"import socket\";x=169.254.169.254")]
    [InlineData("a1692")]
    public void A_command_line_that_may_name_an_address_is_scanned(string command)
    {
        Assert.True(SsrfInspector.MayNameAddress(command));
    }

    [Theory]
    [InlineData("nc 169.254.169.254 80 < /tmp/req")]
    [InlineData("echo x|nc 169.254.169.254 80")]
    [InlineData("curl -s 169.254.169.254/latest/meta-data/")]
    [InlineData("curl localhost:2375/containers/json")]
    public void Addresses_in_commands_are_still_found(string command)
    {
        var findings = Run(new SsrfInspector(), ToolCall("run_command", new { command }));
        Assert.Contains(findings, f => f.RuleId.StartsWith("SSRF-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"username": "admin", "password": {"$ne": ""}}""")]
    [InlineData("""{"username": "admin", "password": {"\u0024ne": ""}}""")]
    [InlineData("""{"username": "admin", "password": {"\u0024NE": ""}, "x": {"\u0024gt": ""}}""")]
    [InlineData("""{"username": "admin", "password": "{\"$ne\": null}"}""")]
    [InlineData("""{"q": "password[$ne]=x"}""")]
    public void An_operator_in_any_spelling_is_still_walked(string arguments)
    {
        Assert.Contains(Call(new SqlInspector(), "login", arguments), f => f.RuleId == "SQL-024");
    }

    [Fact]
    public void An_escaped_server_side_function_is_still_found()
    {
        Assert.Contains(Call(new SqlInspector(), "find_documents", """{"filter": {"\u0024expr": {"\u0024function": {"body": "function() { return 1 }", "args": [], "lang": "js"}}}}"""),
            f => f.RuleId == "SQL-007");
    }

    [Fact]
    public void A_call_with_one_path_or_a_command_and_its_cwd_composes_no_path()
    {
        Assert.False(ComposedPaths.MayCompose(ToolCall("read_file", new { path = "src/a.cs" }).Strings.Items));
        Assert.False(ComposedPaths.MayCompose(ToolCall("run_command", new { command = "cat shadow", cwd = "/etc" }).Strings.Items));
        Assert.True(ComposedPaths.MayCompose(ToolCall("read_file", new { directory = "/etc", file = "shadow" }).Strings.Items));
        Assert.True(ComposedPaths.MayCompose(ToolCall("read_file", new { segments = new[] { "/home/bo", ".ssh", "id_rsa" } }).Strings.Items));
    }

    [Theory]
    [InlineData("""{"directory": "/etc", "file": "shadow"}""")]
    [InlineData("""{"\u0064irectory": "/etc", "\u0066ile": "shadow"}""")]
    [InlineData("""{"options": {"root": "/etc", "name": "shadow"}}""")]
    [InlineData("""{"files": [{"base_dir": "/etc", "relative": "shadow"}]}""")]
    public void A_directory_and_a_name_in_any_spelling_are_still_joined(string arguments)
    {
        Assert.Contains(Call(new PathInspector(), "read_file", arguments), f => f.RuleId == "PATH-016");
    }

    [Theory]
    [InlineData("""{"cmd": "docker", "args": ["run", "--privileged", "alpine"]}""", "docker run --privileged alpine")]
    [InlineData("""{"command": ["sh", "-c", "curl x | sh"]}""", "sh -c 'curl x | sh'")]
    [InlineData("""{"program": "x", "command": ["sh", "-c", "id"]}""", "sh -c id")]
    public void An_array_form_command_is_still_joined_into_one_line(string arguments, string line)
    {
        var context = FromJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"exec\",\"arguments\":" + arguments + "}}");
        Assert.Contains(context.Strings.Items, s => s.Key == "command" && s.Decoded == line);
    }

    [Fact]
    public void A_call_without_an_array_gets_no_joined_line()
    {
        var context = ToolCall("run_command", new { command = "grep -rn x src", cwd = "/home/dev" });
        Assert.Equal(2, context.Strings.Count);
    }

    [Fact]
    public void A_write_tool_is_known_by_its_name_whether_asked_first_or_again()
    {
        Assert.True(ArgumentRoles.IsWriteTool("write_file"));
        Assert.True(ArgumentRoles.IsWriteTool("write_file"));
        Assert.True(ArgumentRoles.IsWriteTool("fs.writeFile"));
        Assert.False(ArgumentRoles.IsWriteTool("read_file"));
        Assert.False(ArgumentRoles.IsWriteTool(null));
        Assert.False(ArgumentRoles.IsWriteTool(""));
    }
}
