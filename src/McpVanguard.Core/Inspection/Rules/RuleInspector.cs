using System.Collections.Concurrent;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;

namespace McpVanguard.Inspection.Rules;

/// <summary>Runs the L1 YAML signatures that apply in the active profile over the canonical argument strings.</summary>
public sealed class RuleInspector : IInspector
{
    /// <summary>Distinct argument keys remembered; beyond it the rules for a key are worked out per message.</summary>
    private const int MaxCachedKeys = 4096;

    private readonly Rule[] _rules;

    /// <summary>For each argument key seen, the indexes of the rules whose key globs accept it (most keys repeat).</summary>
    private readonly ConcurrentDictionary<string, int[]> _rulesByKey = new(StringComparer.Ordinal);

    public RuleInspector(IEnumerable<Rule> rules, Profile profile)
    {
        // Analyser rules (no pattern) are reported by their analysers; a disabled signature is never run.
        _rules = rules.Where(r => r.Pattern is not null && r.Enabled && r.Profiles.Contains(profile)).ToArray();
    }

    public string Id => "L1-RULES";

    /// <summary>True when some rule looks at messages with <paramref name="method"/> (so such a message needs the regexes built).</summary>
    public bool HasRulesFor(string method)
    {
        foreach (var rule in _rules)
        {
            if (rule.MethodApplies(method))
            {
                return true;
            }
        }

        return false;
    }

    public int Count => _rules.Length;

    /// <summary>
    /// Builds every regex now so that no message waits for one. One thread only: at start-up it runs beside the server
    /// child, which needs the other core to start.
    /// </summary>
    public void WarmUp()
    {
        foreach (var rule in _rules)
        {
            rule.Pattern!.Build();
        }
    }

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        var method = context.Message.Method;
        var strings = context.Strings.Items;
        if (method is null || strings.Count == 0)
        {
            return;
        }

        var tool = context.Message.ToolName;

        // Per rule: 0 = not decided yet, 1 = applies to this method and tool, 2 = does not, 3 = fired.
        Span<byte> state = _rules.Length <= 512 ? stackalloc byte[_rules.Length] : new byte[_rules.Length];
        state.Clear();
        for (var i = 0; i < strings.Count; i++)
        {
            var s = strings[i];
            var candidates = RulesForKey(s.Key);
            for (var j = 0; j < candidates.Length; j++)
            {
                var index = candidates[j];
                if (state[index] == 0)
                {
                    state[index] = _rules[index].AppliesTo(method, tool) ? (byte)1 : (byte)2;
                }

                if (state[index] == 1)
                {
                    var rule = _rules[index];
                    if (rule.Pattern!.IsMatch(rule.MatchDecoded ? s.Decoded : s.Canonical))
                    {
                        state[index] = 3;
                    }
                }
            }
        }

        // Report in rule order, once per rule, whatever string matched.
        for (var index = 0; index < _rules.Length; index++)
        {
            if (state[index] == 3)
            {
                var rule = _rules[index];
                findings.Add(new Finding(rule.Id, "L1", rule.Category, rule.Severity, rule.Action, rule.Title));
            }
        }
    }

    private int[] RulesForKey(string key)
    {
        if (_rulesByKey.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var list = new List<int>();
        for (var i = 0; i < _rules.Length; i++)
        {
            if (_rules[i].KeyApplies(key))
            {
                list.Add(i);
            }
        }

        var result = list.ToArray();
        if (_rulesByKey.Count < MaxCachedKeys)
        {
            _rulesByKey.TryAdd(key, result);
        }

        return result;
    }

    /// <summary>True when the rule's pattern matches any string under a key the rule looks at.</summary>
    public static bool Matches(Rule rule, IReadOnlyList<ArgumentString> strings)
    {
        for (var i = 0; i < strings.Count; i++)
        {
            var s = strings[i];
            if (rule.KeyApplies(s.Key) && rule.Pattern!.IsMatch(rule.MatchDecoded ? s.Decoded : s.Canonical))
            {
                return true;
            }
        }

        return false;
    }
}
