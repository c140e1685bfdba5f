using McpVanguard.Inspection;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Rules;

/// <summary>A rules directory's disables and overrides by id, applied by the live pipeline to analyser findings.</summary>
public sealed class FindingPolicyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-policy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private InspectionEngine Engine(string rules, Profile profile = Profile.Balanced)
    {
        File.WriteAllText(Path.Combine(_dir, "local.yaml"), "rules:\n" + rules + "\n");
        return InspectionEngine.Create(TestEngine.Options(profile), RuleLoader.Load(_dir));
    }

    private static Verdict Read(InspectionEngine engine, string path)
        => engine.AgentToServer.Inspect(InspectionContextFactory.ToolCall("read_file", new { path }));

    [Fact]
    public void A_disabled_analyser_id_lets_the_env_read_pass_and_nothing_else()
    {
        Assert.Contains("PATH-020", Read(TestEngine.Create(), ".env").RuleIds);
        Assert.True(Read(TestEngine.Create(), ".env").Blocks);

        var engine = Engine("  - { id: PATH-020, enabled: false }");

        var env = Read(engine, ".env");
        Assert.False(env.Blocks);
        Assert.DoesNotContain("PATH-020", env.RuleIds);

        // Sensitive paths have one home: with its id off, nothing else reports a plain .env read.
        Assert.Empty(env.RuleIds);

        // Only that id is off: another credential family is still blocked by the same analyser.
        var aws = Read(engine, "/home/dev/.aws/credentials");
        Assert.True(aws.Blocks);
        Assert.Contains("PATH-012", aws.RuleIds);
    }

    [Fact]
    public void A_re_actioned_analyser_id_warns_instead_of_blocking()
    {
        var engine = Engine("  - { id: PATH-020, action: warn, severity: medium }");

        var verdict = Read(engine, "config/.env.production");

        Assert.Equal(VerdictKind.Warn, verdict.Kind);
        var finding = Assert.Single(verdict.Findings, f => f.RuleId == "PATH-020");
        Assert.Equal(FindingAction.Warn, finding.Action);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.DoesNotContain(verdict.Findings, f => f.Action == FindingAction.Block);
    }

    [Fact]
    public void An_analyser_id_limited_to_strict_is_dropped_in_balanced_only()
    {
        const string Rules = "  - { id: PATH-020, profiles: [strict] }";

        Assert.DoesNotContain("PATH-020", Read(Engine(Rules), ".env").RuleIds);
        Assert.True(Read(Engine(Rules, Profile.Strict), ".env").Blocks);
    }

    [Fact]
    public void An_overridden_action_escalates_a_warning_and_untouched_ids_keep_the_analysers_choice()
    {
        var engine = Engine("  - { id: SSRF-003, action: block }");

        var loopback = engine.AgentToServer.Inspect(InspectionContextFactory.ToolCall("fetch", new { url = "http://127.0.0.1:8080/admin" }));
        var privateNet = engine.AgentToServer.Inspect(InspectionContextFactory.ToolCall("fetch", new { url = "http://10.0.0.5/admin" }));

        Assert.True(loopback.Blocks);
        Assert.Contains("SSRF-003", loopback.RuleIds);
        Assert.Equal(VerdictKind.Warn, privateNet.Kind);
        Assert.Equal(FindingAction.Warn, Assert.Single(privateNet.Findings, f => f.RuleId == "SSRF-004").Action);
    }

    [Fact]
    public void Without_overrides_an_analysers_context_dependent_action_is_kept()
    {
        // PATH-001 is documented as block, but one '..' is only a warning: the catalog default must not replace it.
        var verdict = TestEngine.Create().AgentToServer.Inspect(InspectionContextFactory.ToolCall("read_file", new { path = "../README.md" }));

        Assert.Equal(FindingAction.Warn, Assert.Single(verdict.Findings, f => f.RuleId == "PATH-001").Action);
    }

    [Fact]
    public void A_redaction_re_actioned_to_warn_no_longer_hides_or_quarantines_the_tool()
    {
        File.WriteAllText(Path.Combine(_dir, "local.yaml"), "rules:\n  - { id: META-001, action: warn }\n");
        var policy = new FindingPolicy(RuleLoader.Load(_dir), Profile.Balanced);
        var poisoned = new Finding("META-001", "L1", "MCP-10", Severity.High, FindingAction.Redact, "poisoned")
        {
            Edit = MessageEdit.Remove("/result/tools/0"),
            QuarantineTool = "fetch_weather",
        };
        var other = new Finding("META-004", "L1", "MCP-10", Severity.High, FindingAction.Redact, "exfil") { Edit = MessageEdit.Remove("/result/tools/1") };
        var findings = new List<Finding> { poisoned, other };

        policy.Apply(findings);

        Assert.Equal(FindingAction.Warn, findings[0].Action);
        Assert.Null(findings[0].Edit);
        Assert.Null(findings[0].QuarantineTool);
        Assert.Same(other, findings[1]);
    }

    [Fact]
    public void The_built_in_catalog_changes_no_finding()
        => Assert.True(new FindingPolicy(RuleLoader.Load(null).Where(r => r.Analyzer is not null), Profile.Balanced).IsEmpty);
}
