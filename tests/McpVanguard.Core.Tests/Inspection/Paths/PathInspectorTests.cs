using McpVanguard.Inspection;
using McpVanguard.Inspection.Paths;
using Xunit;
using static McpVanguard.Tests.InspectionContextFactory;

namespace McpVanguard.Tests.Inspection.Paths;

public sealed class PathInspectorTests
{
    private static readonly PathInspector Inspector = new();

    private static List<Finding> Read(string path) => Run(Inspector, ToolCall("read_file", new { path }));

    [Theory]
    [InlineData("../../../../etc/passwd", "PATH-001")]
    [InlineData("..\\..\\..\\windows\\win.ini", "PATH-001")]
    [InlineData("docs/../../../secret", "PATH-001")]
    [InlineData("/var/www/../../../etc/hosts", "PATH-001")]
    [InlineData("file:///../../etc/hosts", "PATH-001")]
    [InlineData("..%2F..%2F..%2Fetc%2Fhosts", "PATH-001")]
    [InlineData("~/.ssh/id_rsa", "PATH-010")]
    [InlineData("/home/alice/.ssh/id_ed25519", "PATH-010")]
    [InlineData("C:\\Users\\alice\\.ssh\\id_rsa", "PATH-010")]
    [InlineData("/root/.ssh/id_ecdsa", "PATH-010")]
    [InlineData("~/.ssh/known_hosts", "PATH-011")]
    [InlineData("~/.aws/credentials", "PATH-012")]
    [InlineData("/home/bob/.kube/config", "PATH-012")]
    [InlineData("~/.config/gcloud/application_default_credentials.json", "PATH-012")]
    [InlineData("~/.docker/config.json", "PATH-012")]
    [InlineData("~/.netrc", "PATH-013")]
    [InlineData("/home/x/.git-credentials", "PATH-013")]
    [InlineData("~/.gnupg/private-keys-v1.d/a.key", "PATH-014")]
    [InlineData("C:/Users/a/AppData/Local/Google/Chrome/User Data/Default/Login Data", "PATH-015")]
    [InlineData("~/.mozilla/firefox/abc.default/logins.json", "PATH-015")]
    [InlineData("/etc/shadow", "PATH-016")]
    [InlineData("/etc/passwd", "PATH-016")]
    [InlineData("file:///etc/passwd", "PATH-016")]
    [InlineData("file://localhost/etc/shadow", "PATH-016")]
    [InlineData("/etc/sudoers.d/90-users", "PATH-016")]
    [InlineData("C:\\Windows\\System32\\config\\SAM", "PATH-017")]
    [InlineData("/proc/self/environ", "PATH-018")]
    [InlineData("/proc/1/mem", "PATH-018")]
    [InlineData("~/Library/Application Support/Claude/claude_desktop_config.json", "PATH-019")]
    [InlineData("/work/project/.cursor/mcp.json", "PATH-019")]
    [InlineData("/srv/app/.env", "PATH-020")]
    [InlineData(".env.local", "PATH-020")]
    [InlineData("./config/.env.production", "PATH-020")]
    [InlineData("/etc/ssl/private/server.key", "PATH-021")]
    [InlineData("certs/client.p12", "PATH-021")]
    [InlineData("/etc/cron.d/job", "PATH-023")]
    public void Flags_reads(string path, string rule)
    {
        Assert.Contains(Read(path), f => f.RuleId == rule);
    }

    [Theory]
    [InlineData("~/.ssh/id_rsa")]
    [InlineData("/etc/passwd")]
    [InlineData("~/.aws/credentials")]
    public void Blocks_credential_reads(string path)
    {
        Assert.All(Read(path), f => Assert.Equal(FindingAction.Block, f.Action));
    }

    [Theory]
    [InlineData("docs/password-reset-flow.md")]
    [InlineData("src/secrets_manager_test.py")]
    [InlineData("README.md")]
    [InlineData("./build")]
    [InlineData("package.json")]
    [InlineData(".env.example")]
    [InlineData("docs/ssh-setup.md")]
    [InlineData("~/.ssh/id_rsa.pub")]
    [InlineData("src/components/Cookies.tsx")]
    [InlineData("/home/alice/project/src/main.rs")]
    [InlineData("~/.bashrc")]
    [InlineData("./src/../README.md")]
    [InlineData("/etc/hosts")]
    public void Passes_benign_paths(string path)
    {
        Assert.Empty(Read(path));
    }

    [Fact]
    public void Flags_writes_to_start_up_files_as_persistence()
    {
        var finding = Assert.Single(Run(Inspector, ToolCall("write_file", new { path = "~/.bashrc", content = "alias ll='ls -la'\nnohup ~/.cache/agent >/dev/null 2>&1 &" })));
        Assert.Equal("PATH-022", finding.RuleId);
        Assert.Equal("MCP-22", finding.Category);
        Assert.Equal(FindingAction.Block, finding.Action);
    }

    [Fact]
    public void Warns_on_single_level_climb()
    {
        var finding = Assert.Single(Read("../sibling/notes.txt"));
        Assert.Equal(FindingAction.Warn, finding.Action);
    }

    [Theory]
    [InlineData("cat ~/.aws/credentials", "PATH-012")]
    [InlineData("head -n 5 /etc/shadow", "PATH-016")]
    [InlineData("base64 < ~/.ssh/id_rsa", "PATH-010")]
    [InlineData("grep -h KEY .env", "PATH-020")]
    public void Flags_commands_that_read_sensitive_files(string command, string rule)
    {
        Assert.Contains(Run(Inspector, ToolCall("run_command", new { command })), f => f.RuleId == rule);
    }

    [Theory]
    [InlineData("cp .env.example .env")]
    [InlineData("cd .. && ls")]
    [InlineData("cat README.md | head")]
    public void Passes_benign_commands(string command)
    {
        Assert.Empty(Run(Inspector, ToolCall("run_command", new { command })));
    }

    [Fact]
    public void Never_reads_content_as_a_path()
    {
        var context = ToolCall("write_file", new { path = "notes.md", content = "/etc/shadow and ~/.ssh/id_rsa are sensitive; ../../ is traversal." });
        Assert.Empty(Run(Inspector, context));
    }

    [Fact]
    public void Reason_names_the_family_not_the_path()
    {
        var finding = Assert.Single(Read("/home/alice/.aws/credentials"));
        Assert.DoesNotContain("alice", finding.Reason, StringComparison.Ordinal);
    }
}
