using System.Text;
using System.Text.Json;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Access;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Sessions;
using Xunit;
using static McpVanguard.Tests.InspectionContextFactory;

namespace McpVanguard.Tests.Inspection.Access;

public sealed class ToolAccessInspectorTests
{
    private static readonly ToolAccessInspector Inspector = new(AccessPolicyReaderTests.Read("""
        access:
          rules:
            - principals: [key:ci]
              servers: [fs]
              allow_tools: [read_*, list_directory]
            - principals: [role:admin]
              servers: ["*"]
              allow_tools: ["*"]
              deny_tools: [delete_*]
            - principals: [scope:tools:echo]
              allow_tools: [echo]
            - principals: ["*"]
              deny_tools: [shutdown]
        """));

    private static readonly CallerIdentity Ci = new("ci", "api-key", [], []);
    private static readonly CallerIdentity Admin = new("alice", "jwt", ["admin"], []);
    private static readonly CallerIdentity EchoOnly = new("bob", "jwt", [], ["tools:echo"]);

    private static InspectionContext With(InspectionContext context, CallerIdentity? caller, string serverId, string? requestMethod = null) => new()
    {
        Message = context.Message,
        Direction = context.Direction,
        SessionId = context.SessionId,
        ServerId = serverId,
        Profile = context.Profile,
        Strings = context.Strings,
        Caller = caller,
        RequestMethod = requestMethod,
    };

    private static List<Finding> Call(CallerIdentity? caller, string server, string tool)
        => Run(Inspector, With(ToolCall(tool, new { }), caller, server));

    [Theory]
    [InlineData("fs", "read_file")]
    [InlineData("fs", "read_multiple_files")]
    [InlineData("fs", "list_directory")]
    public void Allows_a_call_a_rule_allows(string server, string tool) => Assert.Empty(Call(Ci, server, tool));

    [Theory]
    [InlineData("fs", "write_file")] // not in the allow list
    [InlineData("fs", "Read_File")] // allow patterns are case-sensitive
    [InlineData("fs", "read")] // the prefix alone is not "read_*"
    [InlineData("fs", "xread_file")] // a look-alike with a leading character
    [InlineData("fs", "list_directory2")] // a literal is not a prefix
    [InlineData("fs2", "read_file")] // the rule is scoped to server 'fs'
    [InlineData("FS", "read_file")] // server ids are compared exactly
    [InlineData("git", "read_file")]
    public void Blocks_a_call_no_rule_allows(string server, string tool)
    {
        var finding = Assert.Single(Call(Ci, server, tool));
        Assert.Equal(("AUTHZ-001", FindingAction.Block, "MCP-04"), (finding.RuleId, finding.Action, finding.Category));
        Assert.Contains(server, finding.Reason);
    }

    [Theory]
    [InlineData("delete_file")]
    [InlineData("DELETE_FILE")] // deny patterns ignore case
    [InlineData("Delete_File")]
    [InlineData("ｄｅｌｅｔｅ_file")] // fullwidth letters fold to the denied name
    [InlineData("dele\u200Bte_file")] // an invisible character inside the name
    [InlineData("shutdown")] // denied to everyone by the last rule, even an admin
    public void A_deny_wins_over_an_allow_in_every_spelling(string tool)
        => Assert.Equal(FindingAction.Block, Assert.Single(Call(Admin, "fs", tool)).Action);

    [Theory]
    [InlineData("undelete_file")]
    [InlineData("file_delete")]
    [InlineData("shutdown_report")]
    public void A_deny_does_not_catch_look_alike_names(string tool) => Assert.Empty(Call(Admin, "git", tool));

    [Fact]
    public void Roles_and_scopes_grant_what_their_rules_say()
    {
        Assert.Empty(Call(EchoOnly, "any", "echo"));
        Assert.Single(Call(EchoOnly, "any", "add"));
        Assert.Empty(Call(Admin, "any", "add"));
    }

    [Fact]
    public void An_api_key_rule_does_not_apply_to_a_jwt_subject_with_the_same_name()
    {
        var impostor = new CallerIdentity("ci", "jwt", [], []);
        Assert.Single(Call(impostor, "fs", "read_file"));
    }

    [Fact]
    public void A_session_without_a_caller_is_never_restricted()
        => Assert.Empty(Call(null, "fs", "delete_file"));

    [Fact]
    public void Other_methods_are_not_its_concern()
    {
        var context = FromJson("""{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"uri":"file:///x"}}""");
        Assert.Empty(Run(Inspector, With(context, Ci, "fs")));
    }

    private const string ToolsList = """
        {"jsonrpc":"2.0","id":7,"result":{"tools":[
          {"name":"read_file","description":"r"},
          {"name":"write_file","description":"w"},
          {"name":"delete_file"},
          {"description":"no name"},
          {"name":"list_directory"}]}}
        """;

    private static InspectionContext ListResponse(CallerIdentity? caller, string requestMethod = "tools/list")
        => With(FromJson(ToolsList, Direction.ServerToAgent), caller, "fs", requestMethod);

    [Fact]
    public void Hides_forbidden_tools_from_a_tools_list_with_one_removal_each()
    {
        var findings = Run(Inspector, ListResponse(Ci));
        Assert.All(findings, f => Assert.Equal((ToolAccessInspector.RuleId, FindingAction.Redact), (f.RuleId, f.Action)));
        Assert.Equal(["/result/tools/1", "/result/tools/2", "/result/tools/3"], findings.Select(f => f.Edit!.Pointer));

        var verdict = new PolicyComposer(Profile.Balanced).Compose(findings);
        Assert.Equal(VerdictKind.Redact, verdict.Kind);
        var edited = JsonDocument.Parse(MessageEditor.Apply(ListResponse(Ci).Message.Root, verdict.Edits)).RootElement;
        Assert.Equal(["read_file", "list_directory"], edited.GetProperty("result").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public void Under_monitor_hiding_is_only_a_shadow_block()
        => Assert.Equal(VerdictKind.ShadowBlock, new PolicyComposer(Profile.Monitor).Compose(Run(Inspector, ListResponse(Ci))).Kind);

    [Fact]
    public void Leaves_lists_alone_for_stdio_sessions_and_for_other_responses()
    {
        Assert.Empty(Run(Inspector, ListResponse(null)));
        Assert.Empty(Run(Inspector, ListResponse(Ci, requestMethod: "prompts/list")));
    }

    [Fact]
    public void Without_access_rules_default_allow_lets_everything_through_but_an_explicit_deny()
    {
        var open = new ToolAccessInspector(AccessPolicyReaderTests.Read("access:\n  default: allow\n  rules:\n    - principals: ['*']\n      deny_tools: [rm]\n"));
        Assert.Empty(Run(open, With(ToolCall("anything", new { }), Ci, "fs")));
        Assert.Single(Run(open, With(ToolCall("RM", new { }), Ci, "fs")));
    }
}
