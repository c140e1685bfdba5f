using McpVanguard.Inspection;
using McpVanguard.Inspection.Network;
using Xunit;
using static McpVanguard.Tests.InspectionContextFactory;

namespace McpVanguard.Tests.Inspection.Network;

public sealed class SsrfInspectorTests
{
    private static readonly SsrfInspector Inspector = new();

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/", "SSRF-001", FindingAction.Block)]
    [InlineData("gopher://127.0.0.1:6379/_SET", "SSRF-002", FindingAction.Block)]
    [InlineData("http://127.0.0.1:8080/admin", "SSRF-003", FindingAction.Warn)]
    [InlineData("http://192.168.0.10/", "SSRF-004", FindingAction.Warn)]
    [InlineData("http://169.254.10.10/", "SSRF-005", FindingAction.Warn)]
    [InlineData("http://0.0.0.0:3000/", "SSRF-006", FindingAction.Warn)]
    [InlineData("http://0x7f000001/", "SSRF-007", FindingAction.Block)]
    public void Flags_internal_urls(string url, string rule, FindingAction action)
    {
        var finding = Assert.Single(Run(Inspector, ToolCall("fetch", new { url })));
        Assert.Equal(rule, finding.RuleId);
        Assert.Equal(action, finding.Action);
        Assert.Equal("MCP-09", finding.Category);
    }

    [Fact]
    public void Warns_with_high_severity_so_strict_can_escalate()
    {
        var finding = Assert.Single(Run(Inspector, ToolCall("fetch", new { endpoint = "http://10.1.2.3/" })));
        Assert.Equal(Severity.High, finding.Severity);
    }

    [Theory]
    [InlineData("curl http://169.254.169.254/latest/meta-data/")]
    [InlineData("curl -s 169.254.169.254/latest/meta-data/")]
    [InlineData("wget -qO- \"http://metadata.google.internal/computeMetadata/v1/\"")]
    public void Finds_urls_inside_commands(string command)
    {
        Assert.Contains(Run(Inspector, ToolCall("run_command", new { command })), f => f.RuleId == "SSRF-001");
    }

    [Fact]
    public void Finds_urls_in_array_form_commands()
    {
        var context = ToolCall("execute_command", new { command = "curl", args = new[] { "-s", "http://[::ffff:169.254.169.254]/" } });
        Assert.Contains(Run(Inspector, context), f => f.RuleId == "SSRF-001");
    }

    [Fact]
    public void Finds_urls_in_nested_values()
    {
        var context = ToolCall("http_request", new { request = new { target = "x", links = new[] { "https://example.com", "http://169.254.169.254/" } } });
        Assert.Contains(Run(Inspector, context), f => f.RuleId == "SSRF-001");
    }

    [Theory]
    [InlineData("https://api.github.com/repos/x/y")]
    [InlineData("https://docs.python.org/3/library/ipaddress.html")]
    [InlineData("https://example.com/?redirect=127.0.0.1")]
    public void Passes_public_urls(string url)
    {
        Assert.Empty(Run(Inspector, ToolCall("fetch", new { url })));
    }

    [Fact]
    public void Passes_content_that_mentions_internal_urls()
    {
        var context = ToolCall("write_file", new { path = "notes.md", content = "The metadata service is http://169.254.169.254/." });
        Assert.Empty(Run(Inspector, context));
    }

    [Fact]
    public void Passes_commands_against_public_hosts()
    {
        Assert.Empty(Run(Inspector, ToolCall("run_command", new { command = "curl -s https://api.github.com/repos/x/y | jq .name" })));
        Assert.Empty(Run(Inspector, ToolCall("run_command", new { command = "git clone https://github.com/x/y && cd y && make" })));
    }
}
