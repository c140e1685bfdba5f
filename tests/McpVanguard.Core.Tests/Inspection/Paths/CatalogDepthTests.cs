using System.Text.Json;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Paths;
using Xunit;
using static McpVanguard.Tests.InspectionContextFactory;

namespace McpVanguard.Tests.Inspection.Paths;

/// <summary>
/// The catalog's newer families and spellings: container-mounted secrets, cluster and service credential files, the
/// credentials of AI agent CLIs per OS, editor and backup copies of catalogued files, and paths composed of two arguments.
/// Each class with benign look-alikes.
/// </summary>
public sealed class CatalogDepthTests
{
    private static readonly PathInspector Inspector = new();

    private static List<Finding> Read(string path) => Run(Inspector, ToolCall("read_file", new { path }));

    private static List<Finding> Call(string tool, string argumentsJson) =>
        Run(Inspector, FromJson($$$"""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":{{{JsonSerializer.Serialize(tool)}}},"arguments":{{{argumentsJson}}}}}"""));

    [Theory]
    [InlineData("/run/secrets/db_password", "PATH-012")]
    [InlineData("/run/secrets", "PATH-012")]
    [InlineData("/var/run/secrets/eks.amazonaws.com/serviceaccount/token", "PATH-012")]
    [InlineData("/var/run/secrets/azure/tokens/azure-identity-token", "PATH-012")]
    [InlineData("/etc/rancher/k3s/k3s.yaml", "PATH-012")]
    [InlineData("/etc/rancher/rke2/rke2.yaml", "PATH-012")]
    [InlineData("/var/lib/rancher/k3s/server/node-token", "PATH-012")]
    [InlineData("/etc/kubernetes/admin.conf", "PATH-012")]
    [InlineData("/etc/mysql/debian.cnf", "PATH-013")]
    [InlineData("/etc/wireguard/wg0.conf", "PATH-013")]
    [InlineData("/etc/NetworkManager/system-connections/Office.nmconnection", "PATH-013")]
    [InlineData("/etc/ppp/chap-secrets", "PATH-013")]
    [InlineData("/var/lib/jenkins/secrets/master.key", "PATH-013")]
    [InlineData("~/.mylogin.cnf", "PATH-013")]
    [InlineData("~/.databrickscfg", "PATH-012")]
    [InlineData("~/.pulumi/credentials.json", "PATH-012")]
    [InlineData("~/.claude/.credentials.json", "PATH-031")]
    [InlineData("C:\\Users\\ann\\.claude\\.credentials.json", "PATH-031")]
    [InlineData("%USERPROFILE%\\.codex\\auth.json", "PATH-031")]
    [InlineData("~/.codex/auth.json", "PATH-031")]
    [InlineData("~/.gemini/oauth_creds.json", "PATH-031")]
    [InlineData("~/.gemini/mcp-oauth-tokens-v2.json", "PATH-031")]
    [InlineData("~/.config/github-copilot/apps.json", "PATH-031")]
    [InlineData("%LOCALAPPDATA%\\github-copilot\\hosts.json", "PATH-031")]
    [InlineData("~/Library/Application Support/Cursor/User/globalStorage/state.vscdb", "PATH-031")]
    [InlineData("%APPDATA%\\Cursor\\User\\globalStorage\\state.vscdb", "PATH-031")]
    [InlineData("~/.config/Cursor/User/globalStorage/state.vscdb-wal", "PATH-031")]
    [InlineData("~/.local/share/opencode/auth.json", "PATH-031")]
    [InlineData("~/.continue/config.yaml", "PATH-031")]
    [InlineData("~/Library/Application Support/amazon-q/data.sqlite3", "PATH-031")]
    [InlineData("~/.config/io.datasette.llm/keys.json", "PATH-031")]
    public void Flags_new_locations(string path, string rule)
    {
        Assert.Contains(Read(path), f => f.RuleId == rule && f.Action == FindingAction.Block);
    }

    [Theory]
    [InlineData("/etc/shadow~", "PATH-016")]
    [InlineData("/etc/.shadow.swp", "PATH-016")]
    [InlineData("/etc/shadow.swo", "PATH-016")]
    [InlineData("/etc/#shadow#", "PATH-016")]
    [InlineData("/etc/shadow.~2~", "PATH-016")]
    [InlineData("/etc/passwd.save", "PATH-016")]
    [InlineData("/etc/passwd.orig", "PATH-016")]
    [InlineData("/etc/shadow.dpkg-old", "PATH-016")]
    [InlineData("~/.ssh/id_rsa.bak", "PATH-010")]
    [InlineData("~/.ssh/.id_ed25519.swp", "PATH-010")]
    [InlineData("~/.aws/credentials.old", "PATH-012")]
    [InlineData("~/.git-credentials~", "PATH-013")]
    [InlineData("~/.netrc.bak", "PATH-013")]
    [InlineData("~/.codex/auth.json.bak", "PATH-031")]
    [InlineData("/etc/mysql/debian.cnf.dpkg-dist", "PATH-013")]
    public void An_editor_or_backup_copy_is_the_original(string path, string rule)
    {
        Assert.Contains(Read(path), f => f.RuleId == rule);
    }

    [Theory]
    [InlineData("/home/dev/project/src/app.py~")]
    [InlineData("/home/dev/project/src/.app.py.swp")]
    [InlineData("/home/dev/project/config.yaml.bak")]
    [InlineData("/home/dev/project/.bashrc.bak")]
    [InlineData("~/.ssh/id_rsa.pub.bak")]
    [InlineData("/home/dev/project/docs/shadow-dom.md")]
    [InlineData("~/.claude/CLAUDE.md")]
    [InlineData("~/.codex/config.toml")]
    [InlineData("~/.gemini/GEMINI.md")]
    [InlineData("/etc/mysql/my.cnf")]
    [InlineData("/run/user/1000/bus")]
    [InlineData("/home/dev/project/secrets/README.md")]
    [InlineData("/home/dev/project/.vscode/tasks.json")]
    public void Passes_look_alikes(string path)
    {
        Assert.DoesNotContain(Read(path), f => f.Action == FindingAction.Block);
    }

    [Fact]
    public void Writing_a_backup_of_a_startup_file_is_not_persistence()
    {
        // Nothing runs ~/.bashrc.bak; writing ~/.bashrc itself stays a block.
        Assert.Empty(Run(Inspector, ToolCall("write_file", new { path = "~/.bashrc.bak", content = "x" })));
        Assert.Contains(Run(Inspector, ToolCall("write_file", new { path = "~/.bashrc", content = "x" })), f => f.RuleId == "PATH-022");
    }

    [Theory]
    [InlineData("read_file", "{\"directory\":\"/etc\",\"file\":\"shadow\"}", "PATH-016")]
    [InlineData("read_file", "{\"path\":\"/etc\",\"name\":\"shadow\"}", "PATH-016")]
    [InlineData("read_file", "{\"root\":\"~\",\"relative\":\".ssh/id_rsa\"}", "PATH-010")]
    [InlineData("read_file", "{\"relative\":\".ssh/id_rsa\",\"root\":\"~\"}", "PATH-010")]
    [InlineData("read_file", "{\"path\":\".ssh/id_rsa\",\"root\":\"/home/bob\"}", "PATH-010")]
    [InlineData("read_file", "{\"dir\":\"/home/dev/app\",\"filename\":\"../../../etc/passwd\"}", "PATH-016")]
    [InlineData("read_file", "{\"base_dir\":\"C:\\\\Users\\\\bob\",\"file_name\":\".aws\\\\credentials\"}", "PATH-012")]
    [InlineData("open", "{\"target\":{\"folder\":\"/run/secrets\",\"entry\":\"db_password\"}}", "PATH-012")]
    [InlineData("read_files", "{\"items\":[{\"dir\":\"/etc\",\"name\":\"hosts\"},{\"dir\":\"/etc\",\"name\":\"gshadow\"}]}", "PATH-016")]
    [InlineData("write_file", "{\"directory\":\"~/.config/autostart\",\"filename\":\"updater.desktop\",\"content\":\"[Desktop Entry]\"}", "PATH-029")]
    [InlineData("read_file", "{\"directory\":\"/etc\",\"file\":\"shad%6Fw\"}", "PATH-016")]
    public void A_path_composed_of_two_arguments_is_judged_whole(string tool, string arguments, string rule)
    {
        Assert.Contains(Call(tool, arguments), f => f.RuleId == rule);
    }

    [Fact]
    public void A_name_that_climbs_out_of_its_directory_is_traversal()
    {
        Assert.Contains(Call("read_file", "{\"directory\":\"/srv/uploads\",\"name\":\"../../../tmp/x\"}"), f => f.RuleId == "PATH-001");
    }

    [Theory]
    [InlineData("read_file", "{\"directory\":\"/home/dev/project/src\",\"file\":\"main.py\"}")]
    [InlineData("read_file", "{\"path\":\"/etc\",\"name\":\"hosts\"}")]
    [InlineData("read_file", "{\"root\":\"/home/dev/project\",\"relative\":\"docs/../README.md\"}")]
    [InlineData("git_create_branch", "{\"repo_path\":\"/home/dev/project\",\"name\":\"feature/shadow\"}")]
    [InlineData("create_entities", "{\"entities\":[{\"name\":\"shadow\",\"entityType\":\"concept\",\"path\":\"notes\"}]}")]
    [InlineData("read_file", "{\"directory\":\"/etc\",\"file\":\"/home/dev/project/etc/notes.md\"}")]
    public void Passes_ordinary_compositions(string tool, string arguments)
    {
        Assert.DoesNotContain(Call(tool, arguments), f => f.Action == FindingAction.Block);
    }
}
