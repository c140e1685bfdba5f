namespace McpVanguard.Inspection.Rules;

/// <summary>
/// The literal prefilter of a compiled rule set: one <see cref="LiteralAutomaton"/> over the required literals of every
/// rule, so that a single pass over a string names the few rules that can match it. A rule may require several sets of
/// literals at once (a word and an option, say): it is a candidate only when the string holds a literal of each. Rules
/// whose literals could not be worked out are candidates for every string (rare: <c>rules list</c> warns about them).
/// </summary>
internal sealed class RulePrefilter
{
    private readonly LiteralAutomaton _automaton;

    /// <summary>For each literal, the rules (indexes into the caller's rule array) that require it, and which of their sets it belongs to (a bit).</summary>
    private readonly (int Rule, int Bit)[][] _rulesOfLiteral;

    /// <summary>Per rule index, the bits of all its sets (0 for rules this prefilter does not cover).</summary>
    private readonly int[] _fullMask;

    private readonly int[] _alwaysRun;

    /// <param name="rules">The rules and their indexes in the caller's rule array.</param>
    /// <param name="ruleSlots">The size of the caller's rule array.</param>
    public RulePrefilter(IEnumerable<(Rule Rule, int Index)> rules, int ruleSlots)
    {
        var literalIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var rulesOfLiteral = new List<List<(int, int)>>();
        var always = new List<int>();
        _fullMask = new int[ruleSlots];
        var covered = 0;
        foreach (var (rule, index) in rules)
        {
            covered++;
            var sets = rule.Pattern?.RequiredLiteralSets ?? [];
            if (sets.Count == 0)
            {
                always.Add(index);
                continue;
            }

            for (var set = 0; set < sets.Count; set++)
            {
                _fullMask[index] |= 1 << set;
                foreach (var literal in sets[set])
                {
                    if (!literalIds.TryGetValue(literal, out var id))
                    {
                        id = literalIds.Count;
                        literalIds.Add(literal, id);
                        rulesOfLiteral.Add([]);
                    }

                    rulesOfLiteral[id].Add((index, 1 << set));
                }
            }
        }

        _automaton = new LiteralAutomaton([.. literalIds.OrderBy(p => p.Value).Select(p => p.Key)]);
        _rulesOfLiteral = [.. rulesOfLiteral.Select(l => l.Distinct().ToArray())];
        _alwaysRun = [.. always];
        RuleCount = covered;
    }

    /// <summary>How many distinct literals the automaton searches for.</summary>
    public int LiteralCount => _automaton.Count;

    /// <summary>How many rules the prefilter covers.</summary>
    public int RuleCount { get; }

    /// <summary>Rules without a required literal: they run on every string.</summary>
    public IReadOnlyList<int> AlwaysRun => _alwaysRun;

    /// <summary>Adds to <paramref name="candidates"/> the rules that may match <paramref name="text"/>, each at most once per call.</summary>
    public void Collect(ReadOnlySpan<char> text, RuleScratch scratch, List<int> candidates)
    {
        var literals = scratch.Literals;
        literals.Clear();
        _automaton.Scan(text, scratch.LiteralSeen(_automaton.Count), scratch.NextStamp(), literals);
        var ruleStamp = scratch.RuleStamp;
        var maskStamp = scratch.MaskStamp;
        var masks = scratch.Masks;
        var stamp = scratch.CurrentStringStamp;
        foreach (var literal in literals)
        {
            foreach (var (rule, bit) in _rulesOfLiteral[literal])
            {
                if (ruleStamp[rule] == stamp)
                {
                    continue;
                }

                var mask = (maskStamp[rule] == stamp ? masks[rule] : 0) | bit;
                maskStamp[rule] = stamp;
                masks[rule] = mask;
                if (mask == _fullMask[rule])
                {
                    ruleStamp[rule] = stamp;
                    candidates.Add(rule);
                }
            }
        }

        foreach (var rule in _alwaysRun)
        {
            if (ruleStamp[rule] != stamp)
            {
                ruleStamp[rule] = stamp;
                candidates.Add(rule);
            }
        }
    }
}
