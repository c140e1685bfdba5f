namespace McpVanguard.Inspection.Rules;

/// <summary>
/// The literal prefilter of a compiled rule set: one <see cref="LiteralAutomaton"/> over the required literals of every
/// rule, so that a single pass over a string names the few rules that can match it. Rules whose literals could not be
/// worked out are candidates for every string (they should be rare: <c>rules list</c> warns about them).
/// </summary>
internal sealed class RulePrefilter
{
    private readonly LiteralAutomaton _automaton;

    /// <summary>For each literal, the rules (indexes into the caller's rule array) that require it.</summary>
    private readonly int[][] _rulesOfLiteral;

    private readonly int[] _alwaysRun;

    /// <param name="rules">The rules and their indexes in the caller's rule array.</param>
    public RulePrefilter(IEnumerable<(Rule Rule, int Index)> rules)
    {
        var literalIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var rulesOfLiteral = new List<List<int>>();
        var always = new List<int>();
        foreach (var (rule, index) in rules)
        {
            if (rule.Pattern?.RequiredLiterals is not { } literals)
            {
                always.Add(index);
                continue;
            }

            foreach (var literal in literals)
            {
                if (!literalIds.TryGetValue(literal, out var id))
                {
                    id = literalIds.Count;
                    literalIds.Add(literal, id);
                    rulesOfLiteral.Add([]);
                }

                rulesOfLiteral[id].Add(index);
            }
        }

        _automaton = new LiteralAutomaton([.. literalIds.OrderBy(p => p.Value).Select(p => p.Key)]);
        _rulesOfLiteral = [.. rulesOfLiteral.Select(l => l.Distinct().ToArray())];
        _alwaysRun = [.. always];
        RuleCount = _rulesOfLiteral.SelectMany(r => r).Concat(_alwaysRun).Distinct().Count();
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
        var stamp = scratch.CurrentStringStamp;
        foreach (var literal in literals)
        {
            foreach (var rule in _rulesOfLiteral[literal])
            {
                if (ruleStamp[rule] != stamp)
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
