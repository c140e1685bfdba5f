using System.Collections.Frozen;
using McpVanguard.Policy;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// Applies the rule catalog to the findings of every inspector: a rule disabled (or not in the active profile) is
/// dropped, an action or severity a rules directory overrode replaces the finding's. Built-in analyser defaults are only
/// documentation (an analyser may vary its action by context), so only what a user set is applied. The catalog's
/// category (the MCP-38 id) is the one every finding reports: a C# analyser's own category is only its internal class.
/// </summary>
public sealed class FindingPolicy
{
    /// <summary>Changes nothing: for pipelines built without a catalog.</summary>
    public static FindingPolicy None { get; } = new([], Profile.Balanced);

    private readonly FrozenDictionary<string, Rule> _changed;

    private readonly FrozenDictionary<string, string> _categories;

    public FindingPolicy(IEnumerable<Rule> rules, Profile profile)
    {
        // Only the rules that change a finding are kept, so an ordinary message pays one empty-dictionary check.
        _changed = rules
            .Where(r => !r.Locked && (!r.Enabled || !r.Profiles.Contains(profile) || (r.Overrides & (RuleOverrides.Action | RuleOverrides.Severity)) != 0))
            .ToFrozenDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        _categories = rules.ToFrozenDictionary(r => r.Id, r => r.Category, StringComparer.OrdinalIgnoreCase);
        Profile = profile;
    }

    public Profile Profile { get; }

    /// <summary>True when no rule drops or re-actions any finding (categories are still set from the catalog).</summary>
    public bool IsEmpty => _changed.Count == 0;

    /// <summary>Gives every finding its catalog category, then drops and re-actions <paramref name="findings"/> in place.</summary>
    public void Apply(List<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        for (var i = 0; i < findings.Count; i++)
        {
            if (_categories.TryGetValue(findings[i].RuleId, out var category) && !string.Equals(category, findings[i].Category, StringComparison.Ordinal))
            {
                findings[i] = findings[i] with { Category = category };
            }
        }

        if (_changed.Count == 0)
        {
            return;
        }

        for (var i = findings.Count - 1; i >= 0; i--)
        {
            var finding = findings[i];
            if (!_changed.TryGetValue(finding.RuleId, out var rule))
            {
                continue;
            }

            if (!rule.Enabled || !rule.Profiles.Contains(Profile))
            {
                findings.RemoveAt(i);
                continue;
            }

            var action = (rule.Overrides & RuleOverrides.Action) != 0 ? rule.Action : finding.Action;
            var severity = (rule.Overrides & RuleOverrides.Severity) != 0 ? rule.Severity : finding.Severity;
            findings[i] = action is FindingAction.Log or FindingAction.Warn

                // Re-actioned to warn or log: the finding must no longer hide a tool or mask part of the answer.
                ? finding with { Action = action, Severity = severity, Edit = null, QuarantineTool = null }
                : finding with { Action = action, Severity = severity };
        }
    }
}
