using McpVanguard.Policy;

namespace McpVanguard.Inspection.Rules;

/// <summary>Runs the L1 YAML signatures that apply in the active profile over the canonical argument strings.</summary>
public sealed class RuleInspector : IInspector
{
    private readonly Rule[] _rules;

    public RuleInspector(IEnumerable<Rule> rules, Profile profile)
    {
        _rules = rules.Where(r => r.Profiles.Contains(profile)).ToArray();
    }

    public string Id => "L1-RULES";

    public int Count => _rules.Length;

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        var method = context.Message.Method;
        if (method is null)
        {
            return;
        }

        var tool = context.Message.ToolName;
        var strings = context.Strings.Items;
        foreach (var rule in _rules)
        {
            if (!rule.AppliesTo(method, tool))
            {
                continue;
            }

            if (Matches(rule, strings))
            {
                findings.Add(new Finding(rule.Id, "L1", rule.Category, rule.Severity, rule.Action, rule.Title));
            }
        }
    }

    /// <summary>True when the rule's pattern matches any string under a key the rule looks at.</summary>
    public static bool Matches(Rule rule, IReadOnlyList<Preflight.ArgumentString> strings)
    {
        foreach (var s in strings)
        {
            if (!rule.KeyApplies(s.Key))
            {
                continue;
            }

            if (rule.Pattern.IsMatch(rule.MatchDecoded ? s.Decoded : s.Canonical))
            {
                return true;
            }
        }

        return false;
    }
}
