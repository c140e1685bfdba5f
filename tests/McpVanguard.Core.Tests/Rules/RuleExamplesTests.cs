using McpVanguard.Inspection.Rules;

namespace McpVanguard.Tests.Rules;

public sealed class RuleExamplesTests
{
    [Fact]
    public void Every_embedded_rule_fires_on_its_match_examples_and_not_on_its_no_match_examples()
    {
        var rules = RuleLoader.Load(null);
        var failures = RuleSelfTest.Run(rules);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Select(f => $"{f.RuleId} ({f.Source}) expected {(f.ExpectedMatch ? "match" : "no match")}: {f.Example}")));
    }

    [Fact]
    public void Every_embedded_signature_has_positive_and_negative_examples()
    {
        // Analyser rules have no pattern to run examples against; their attacks and look-alikes are tested beside the analysers.
        var rules = RuleLoader.Load(null).Where(r => r.Pattern is not null);
        Assert.All(rules, r =>
        {
            Assert.NotEmpty(r.Matches);
            Assert.NotEmpty(r.NonMatches);
        });
    }
}
