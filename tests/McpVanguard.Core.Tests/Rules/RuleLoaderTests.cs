using McpVanguard.Inspection;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Rules;

public sealed class RuleLoaderTests : IDisposable
{
    private const string ValidRule = """
          - id: T-001
            title: Test rule
            category: MCP-06
            severity: high
            action: block
            pattern: 'evil'
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-rules-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteRules(string name, string body)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "rules:\n" + body + "\n");
        return path;
    }

    [Fact]
    public void Unknown_rule_key_names_the_key_and_the_file()
    {
        var path = WriteRules("typo.yaml", ValidRule + "\n    severty: low");
        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.Load(_dir));
        Assert.Contains("'severty'", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void Bad_severity_value_is_refused_with_the_allowed_values()
    {
        WriteRules("sev.yaml", ValidRule.Replace("severity: high", "severity: extreme"));
        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.Load(_dir));
        Assert.Contains("'severity'", ex.Message);
        Assert.Contains("'extreme'", ex.Message);
        Assert.Contains("critical", ex.Message);
    }

    [Theory]
    [InlineData("(?=foo)bar")]
    [InlineData("foo(?!bar)")]
    [InlineData("(?<=x)y")]
    [InlineData("(a)\\1")]
    [InlineData("(?>atomic)")]
    public void Patterns_that_need_backtracking_are_refused(string pattern)
    {
        WriteRules("regex.yaml", ValidRule.Replace("'evil'", "'" + pattern + "'"));
        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.Load(_dir));
        Assert.Contains("NonBacktracking", ex.Message);
        Assert.Contains("T-001", ex.Message);
    }

    [Fact]
    public void Duplicate_ids_in_one_file_are_refused()
    {
        var path = WriteRules("dup.yaml", ValidRule + "\n" + ValidRule.Replace("Test rule", "Other"));
        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.Load(_dir));
        Assert.Contains("'T-001' appears twice", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void A_rules_directory_overrides_a_built_in_rule_by_id()
    {
        var builtIn = RuleLoader.Load(null);
        var path = WriteRules("override.yaml", """
              - id: FS-017
                title: Local account files, stricter
                category: MCP-08
                severity: high
                action: warn
                pattern: '/etc/+(shadow|passwd)'
            """);

        var rules = RuleLoader.Load(_dir);

        Assert.Equal(builtIn.Count, rules.Count);
        var rule = Assert.Single(rules, r => r.Id == "FS-017");
        Assert.Equal("Local account files, stricter", rule.Title);
        Assert.Equal(FindingAction.Warn, rule.Action);
        Assert.Equal(path, rule.Source);
        Assert.Empty(rule.Matches);
    }

    [Fact]
    public void A_rules_directory_adds_new_rules_after_the_built_in_ones()
    {
        var builtIn = RuleLoader.Load(null);
        WriteRules("extra.yml", ValidRule);

        var rules = RuleLoader.Load(_dir);

        Assert.Equal(builtIn.Count + 1, rules.Count);
        Assert.Equal("T-001", rules[^1].Id);
        Assert.Equal([Profile.Monitor, Profile.Balanced, Profile.Strict], rules[^1].Profiles.Order());
    }

    /// <summary>
    /// One literal pass over the canonical copy serves the decoded rules when the decoded copy differs only in case; a decoded
    /// copy that differs otherwise (a backslash, which the canonical copy folds to a slash) is still scanned on its own.
    /// </summary>
    [Theory]
    [InlineData("Deploy the BlueKey now", true, false)]
    [InlineData("deploy the BLUEKEY now", true, false)]
    [InlineData("C:\\Keys\\BlueKey.pem", true, true)]
    [InlineData("C:/Keys/BlueKey.pem", true, false)]
    [InlineData("prefix\\bluekey", true, true)]
    [InlineData("nothing here", false, false)]
    public void A_decoded_rule_fires_exactly_when_its_pattern_matches_the_decoded_copy(string value, bool word, bool backslash)
    {
        WriteRules("decoded.yaml", """
              - id: T-DEC
                title: Key name
                category: MCP-06
                severity: high
                action: block
                match_decoded: true
                pattern: 'bluekey'
              - id: T-SLASH
                title: Key behind a backslash
                category: MCP-06
                severity: high
                action: block
                match_decoded: true
                pattern: '\\bluekey'
            """);
        var rules = RuleLoader.Load(_dir);
        var context = InspectionContextFactory.ToolCall("some_tool", new { value });
        var findings = InspectionContextFactory.Run(new RuleInspector(rules, Profile.Balanced), context);

        Assert.Equal(word, findings.Any(f => f.RuleId == "T-DEC"));
        Assert.Equal(backslash, findings.Any(f => f.RuleId == "T-SLASH"));
        Assert.Equal(
            rules.Where(r => r.Id.StartsWith("T-", StringComparison.Ordinal) && RuleInspector.Matches(r, context.Strings.Items)).Select(r => r.Id).Order(),
            findings.Where(f => f.RuleId.StartsWith("T-", StringComparison.Ordinal)).Select(f => f.RuleId).Order());
    }

    [Fact]
    public void Enabled_false_keeps_a_built_in_signature_listed_but_never_run()
    {
        var builtIn = RuleLoader.Load(null);
        Assert.Contains(builtIn, r => r.Id == "CMD-002" && r.Enabled);
        WriteRules("disable.yaml", """
              - id: CMD-002
                enabled: false
            """);

        var rules = RuleLoader.Load(_dir);

        Assert.Equal(builtIn.Count, rules.Count);
        var rule = Assert.Single(rules, r => r.Id == "CMD-002");
        Assert.False(rule.Enabled);
        var attack = InspectionContextFactory.FromJson(rule.Matches[0].ToRequestJson());
        Assert.Contains(InspectionContextFactory.Run(new RuleInspector(builtIn, Profile.Balanced), attack), f => f.RuleId == "CMD-002");
        Assert.DoesNotContain(InspectionContextFactory.Run(new RuleInspector(rules, Profile.Balanced), attack), f => f.RuleId == "CMD-002");
    }

    [Fact]
    public void A_missing_rules_directory_is_an_error()
    {
        var ex = Assert.Throws<RuleLoadException>(() => RuleLoader.Load(Path.Combine(_dir, "nope")));
        Assert.Contains("does not exist", ex.Message);
    }

    [Fact]
    public void Embedded_rules_have_unique_ids_and_known_categories()
    {
        var rules = RuleLoader.Load(null);
        Assert.True(rules.Count >= 70, $"only {rules.Count} embedded rules");
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(rules, r => Assert.True(McpVanguard.Taxonomy.Mcp38.IsId(r.Category), $"{r.Id}: {r.Category} is not an MCP-38 id"));
        Assert.All(rules.Where(r => r.Pattern is not null), r => Assert.True(r.Matches.Count >= 2 && r.NonMatches.Count >= 2, $"{r.Id} needs at least two match and two no_match examples"));
    }
}
