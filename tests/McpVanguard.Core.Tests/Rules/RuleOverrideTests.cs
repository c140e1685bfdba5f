using McpVanguard.Inspection;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Rules;

/// <summary>The rule catalog: analyser finding ids are rules, and a rules directory overrides any rule by id, partially.</summary>
public sealed class RuleOverrideTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-overrides-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteRules(string name, string body)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "rules:\n" + body + "\n");
        return path;
    }

    [Fact]
    public void Analyser_ids_are_rules_of_kind_analyzer_without_a_pattern()
    {
        var rules = RuleLoader.Load(null);

        var env = Assert.Single(rules, r => r.Id == "PATH-020");
        Assert.Equal("analyzer", env.Kind);
        Assert.Equal("PATH-000", env.Analyzer);
        Assert.Null(env.Pattern);
        Assert.Equal(FindingAction.Block, env.Action);
        Assert.True(env.Enabled);
        Assert.Equal("signature", Assert.Single(rules, r => r.Id == "NET-011").Kind);
        Assert.All(rules, r => Assert.True((r.Pattern is null) == (r.Analyzer is not null), $"{r.Id}: a rule has a pattern or an analyser, never both or neither"));
        foreach (var id in new[] { "ZONE-001", "SHELL-003", "SSRF-001", "META-001", "LEAK-001", "SEC-001", "INJ-001", "PIN-001", "PRE-016", "EXFIL-001", "OUT-001", "SRV-002", "QUAR-001", "COLL-001", "AUTHZ-001" })
        {
            Assert.Contains(rules, r => r.Id == id && r.Analyzer is not null);
        }
    }

    [Fact]
    public void Fail_closed_and_protocol_ids_are_listed_and_locked()
    {
        var rules = RuleLoader.Load(null);

        foreach (var id in new[] { InspectionPipeline.InspectorFailedRule, InspectionPipeline.InspectorOverBudgetRule, "RPC-001", "RPC-004", "PRE-001", "PRE-002", "PRE-003", "PRE-004" })
        {
            Assert.True(Assert.Single(rules, r => r.Id == id).Locked, id);
        }

        Assert.False(Assert.Single(rules, r => r.Id == "PATH-020").Locked);
    }

    [Fact]
    public void A_partial_override_of_a_signature_changes_only_the_keys_it_sets()
    {
        var builtIn = Assert.Single(RuleLoader.Load(null), r => r.Id == "FS-017");
        var path = WriteRules("partial.yaml", """
              - id: FS-017
                action: warn
                title: Credential file-name search (audited only here)
            """);

        var rule = Assert.Single(RuleLoader.Load(_dir), r => r.Id == "FS-017");

        Assert.Equal(FindingAction.Warn, rule.Action);
        Assert.Equal("Credential file-name search (audited only here)", rule.Title);
        Assert.Equal(builtIn.Severity, rule.Severity);
        Assert.Equal(builtIn.Category, rule.Category);
        Assert.Equal(builtIn.Pattern!.ToString(), rule.Pattern!.ToString());
        Assert.Equal(builtIn.Matches.Count, rule.Matches.Count);
        Assert.Equal(builtIn.Source, rule.Source);
        Assert.Equal(path, rule.OverriddenBy);
        Assert.Equal(RuleOverrides.Action | RuleOverrides.Title, rule.Overrides);
    }

    [Fact]
    public void An_analyser_rule_can_be_disabled_and_re_actioned_by_id()
    {
        WriteRules("analysers.yaml", """
              - id: PATH-020
                enabled: false
              - id: SSRF-003
                action: block
                severity: critical
              - id: ZONE-001
                profiles: [strict]
            """);

        var rules = RuleLoader.Load(_dir);

        Assert.False(Assert.Single(rules, r => r.Id == "PATH-020").Enabled);
        var loopback = Assert.Single(rules, r => r.Id == "SSRF-003");
        Assert.Equal(FindingAction.Block, loopback.Action);
        Assert.Equal(Severity.Critical, loopback.Severity);
        Assert.Equal(RuleOverrides.Action | RuleOverrides.Severity, loopback.Overrides);
        Assert.Equal([Profile.Strict], Assert.Single(rules, r => r.Id == "ZONE-001").Profiles);
    }

    [Fact]
    public void A_later_file_overrides_an_earlier_one_and_can_re_enable()
    {
        WriteRules("a.yaml", "  - { id: PATH-020, enabled: false, action: warn }");
        WriteRules("b.yaml", "  - { id: PATH-020, enabled: true }");

        var rule = Assert.Single(RuleLoader.Load(_dir), r => r.Id == "PATH-020");

        Assert.True(rule.Enabled);
        Assert.Equal(FindingAction.Warn, rule.Action);
    }

    [Theory]
    [InlineData("VG-002")]
    [InlineData("VG-001")]
    [InlineData("RPC-001")]
    [InlineData("PRE-001")]
    public void Disabling_a_fail_closed_or_protocol_rule_is_refused_with_the_reason(string id)
    {
        var path = WriteRules("open.yaml", $"  - id: {id}\n    enabled: false");

        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.Load(_dir));

        Assert.Contains(id, ex.Message);
        Assert.Contains("cannot be disabled", ex.Message);
        Assert.Contains("fail open", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Theory]
    [InlineData("action: warn", "action cannot be lowered")]
    [InlineData("severity: low", "severity cannot be lowered")]
    [InlineData("profiles: [strict]", "cannot leave out a profile")]
    public void Downgrading_a_locked_rule_is_refused(string change, string expected)
    {
        WriteRules("weaker.yaml", $"  - id: VG-002\n    {change}");

        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.Load(_dir));

        Assert.Contains(expected, ex.Message);
        Assert.Contains("VG-002", ex.Message);
    }

    [Fact]
    public void A_locked_rule_may_be_retitled()
    {
        WriteRules("retitle.yaml", "  - { id: VG-002, title: Inspector too slow, description: See our runbook. }");

        var rule = Assert.Single(RuleLoader.Load(_dir), r => r.Id == "VG-002");

        Assert.Equal("Inspector too slow", rule.Title);
        Assert.True(rule.Enabled);
        Assert.Equal(FindingAction.Block, rule.Action);
    }

    [Fact]
    public void A_pattern_on_an_analyser_id_is_refused_naming_the_file_line_and_analyser()
    {
        var path = WriteRules("pattern.yaml", """
              - id: T-000
                title: filler
                category: MCP-08
                severity: low
                action: warn
                pattern: 'filler'
              - id: PATH-020
                title: Env files by regex
                category: MCP-08
                severity: high
                action: block
                pattern: '\.env$'
            """);

        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.Load(_dir));

        Assert.Contains(path, ex.Message);
        Assert.Contains("line 8", ex.Message);
        Assert.Contains("PATH-020", ex.Message);
        Assert.Contains("PATH-000", ex.Message);
    }

    [Fact]
    public void A_new_id_without_a_pattern_is_refused_naming_the_file_and_line()
    {
        var path = WriteRules("typo.yaml", """
              - id: PATH-02O
                enabled: false
            """);

        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.Load(_dir));

        Assert.Contains(path, ex.Message);
        Assert.Contains("line 2", ex.Message);
        Assert.Contains("'PATH-02O'", ex.Message);
        Assert.Contains("needs a pattern", ex.Message);
    }

    [Theory]
    [InlineData("tools: [read_file]", "'tools' needs a whole rule")]
    [InlineData("analyzer: PATH-000", "only for the built-in rules")]
    [InlineData("locked: false", "only for the built-in rules")]
    [InlineData("action: [warn]", "expected a single value")]
    public void A_partial_override_may_set_only_the_documented_keys(string key, string expected)
    {
        WriteRules("keys.yaml", $"  - id: PATH-020\n    {key}");

        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.Load(_dir));

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Redact_cannot_be_given_to_an_analyser_rule_that_does_not_say_what_to_mask()
    {
        WriteRules("redact.yaml", "  - { id: SSRF-003, action: redact }");

        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.Load(_dir));

        Assert.Contains("redact", ex.Message);
        Assert.Contains("SSRF-003", ex.Message);
    }

    [Fact]
    public void Whole_replacement_of_a_signature_still_replaces_every_key()
    {
        WriteRules("whole.yaml", """
              - id: FS-001
                title: Only shadow
                category: MCP-08
                severity: medium
                action: warn
                pattern: '/etc/+shadow$'
            """);

        var rule = Assert.Single(RuleLoader.Load(_dir), r => r.Id == "FS-001");

        Assert.Equal("/etc/+shadow$", rule.Pattern!.ToString());
        Assert.Empty(rule.Matches);
        Assert.Equal(RuleOverrides.None, rule.Overrides);
    }
}
