using System.Text;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Rules;

/// <summary>Runs every rule against its own examples: each <c>match</c> example must fire it, each <c>no_match</c> must not.</summary>
public static class RuleSelfTest
{
    /// <summary>One failed example.</summary>
    public sealed record Failure(string RuleId, string Source, bool ExpectedMatch, string Example);

    public static IReadOnlyList<Failure> Run(IEnumerable<Rule> rules)
    {
        var failures = new List<Failure>();
        foreach (var rule in rules)
        {
            foreach (var example in rule.Matches)
            {
                if (!Fires(rule, example))
                {
                    failures.Add(new Failure(rule.Id, rule.Source, true, example.ToRequestJson()));
                }
            }

            foreach (var example in rule.NonMatches)
            {
                if (Fires(rule, example))
                {
                    failures.Add(new Failure(rule.Id, rule.Source, false, example.ToRequestJson()));
                }
            }
        }

        return failures;
    }

    /// <summary>True when <paramref name="rule"/> fires on <paramref name="example"/> after the same preflight as live traffic.</summary>
    public static bool Fires(Rule rule, RuleExample example)
    {
        var bytes = Encoding.UTF8.GetBytes(example.ToRequestJson());
        if (!McpMessageParser.TryParse(bytes, 64, out var message, out _))
        {
            return false;
        }

        using (message)
        {
            if (!rule.AppliesTo(message!.Method!, message.ToolName))
            {
                return false;
            }

            return ArgumentWalker.TryWalk(message.Params, new PreflightLimits(), out var strings, out _) && RuleInspector.Matches(rule, strings.Items);
        }
    }
}
