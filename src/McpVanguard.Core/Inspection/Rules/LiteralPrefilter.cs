namespace McpVanguard.Inspection.Rules;

/// <summary>
/// A literal prefilter over many patterns (the rules of a compiled rule set, or every analyser gate): one
/// <see cref="LiteralAutomaton"/> over the required literals of all of them, so that a single pass over a string names the
/// few that can match it. A pattern may require several sets of literals at once (a word and an option, say): it is a
/// candidate only when the string holds a literal of each. Patterns whose literals could not be worked out are candidates
/// for every string (rare: <c>rules list</c> warns about such rules).
/// </summary>
internal sealed class LiteralPrefilter
{
    private readonly LiteralAutomaton _automaton;

    /// <summary>The literals in ordinal order: literal id i is <c>_literals[i]</c> (a <see cref="FusedLiteralScan"/> maps its own ids onto these).</summary>
    private readonly string[] _literals;

    /// <summary>For each literal, the patterns (indexes into the caller's array) that require it, and which of their sets it belongs to (a bit).</summary>
    private readonly (int Pattern, int Bit)[][] _ownersOfLiteral;

    /// <summary>Per pattern index, the bits of all its sets (0 for patterns this prefilter does not cover).</summary>
    private readonly int[] _fullMask;

    private readonly int[] _alwaysRun;

    /// <param name="patterns">Each pattern's required literal sets (<see cref="RequiredLiterals.ExtractAll"/>) and its index in the caller's array.</param>
    /// <param name="slots">The size of the caller's array.</param>
    /// <param name="ignoreCase">Find the (lower-cased) literals in any case.</param>
    public LiteralPrefilter(IEnumerable<(IReadOnlyList<IReadOnlyList<string>> Sets, int Index)> patterns, int slots, bool ignoreCase = false)
    {
        var covered = patterns.ToList();

        // Literal ids in ordinal order, whatever order the patterns come in (the analysers' gates register as their types
        // initialise): the automaton of the same literals is then the same automaton, which the table image holds precompiled.
        var literals = covered.SelectMany(p => p.Sets).SelectMany(set => set).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var literalIds = new Dictionary<string, int>(literals.Length, StringComparer.Ordinal);
        foreach (var literal in literals)
        {
            literalIds.Add(literal, literalIds.Count);
        }

        var ownersOfLiteral = new List<(int, int)>[literals.Length];
        var always = new List<int>();
        _fullMask = new int[slots];
        foreach (var (sets, index) in covered)
        {
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
                    (ownersOfLiteral[literalIds[literal]] ??= []).Add((index, 1 << set));
                }
            }
        }

        _literals = literals;
        IgnoresCase = ignoreCase;
        _automaton = new LiteralAutomaton(literals, ignoreCase);
        _ownersOfLiteral = [.. ownersOfLiteral.Select(l => l.Distinct().ToArray())];
        _alwaysRun = [.. always];
    }

    /// <summary>The literals this prefilter looks for, in id order (with their boundary marks).</summary>
    internal IReadOnlyList<string> Literals => _literals;

    /// <summary>True when the literals are found in any case.</summary>
    internal bool IgnoresCase { get; }

    /// <summary>
    /// Adds to <paramref name="candidates"/> the patterns that may match <paramref name="text"/>, each at most once per
    /// string (<see cref="PrefilterScratch.BeginString"/>: two prefilters may feed one list for the same string).
    /// </summary>
    public void Collect(ReadOnlySpan<char> text, PrefilterScratch scratch, List<int> candidates)
    {
        var literals = scratch.Literals;
        literals.Clear();
        _automaton.Scan(text, scratch.LiteralSeen(_automaton.Count), scratch.NextStamp(), literals);
        CollectFound(literals, scratch, candidates);
    }

    /// <summary>
    /// The same, given the literals (this prefilter's ids, each once) that a scan found in the string: what
    /// <see cref="FusedLiteralScan"/> calls after one pass that served several prefilters.
    /// </summary>
    public void CollectFound(List<int> literals, PrefilterScratch scratch, List<int> candidates)
    {
        var ownerStamp = scratch.OwnerStamp;
        var maskStamp = scratch.MaskStamp;
        var masks = scratch.Masks;
        var stamp = scratch.CurrentStringStamp;
        foreach (var literal in literals)
        {
            foreach (var (pattern, bit) in _ownersOfLiteral[literal])
            {
                if (ownerStamp[pattern] == stamp)
                {
                    continue;
                }

                var mask = (maskStamp[pattern] == stamp ? masks[pattern] : 0) | bit;
                maskStamp[pattern] = stamp;
                masks[pattern] = mask;
                if (mask == _fullMask[pattern])
                {
                    ownerStamp[pattern] = stamp;
                    candidates.Add(pattern);
                }
            }
        }

        foreach (var pattern in _alwaysRun)
        {
            if (ownerStamp[pattern] != stamp)
            {
                ownerStamp[pattern] = stamp;
                candidates.Add(pattern);
            }
        }
    }
}
