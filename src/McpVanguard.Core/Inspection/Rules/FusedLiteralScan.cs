namespace McpVanguard.Inspection.Rules;

/// <summary>
/// One <see cref="LiteralAutomaton"/> over the literals of several <see cref="LiteralPrefilter"/>s that read the same
/// text (the rules' prefilter of the canonical copy and the analysers' gates): one pass over a long string tells each of
/// them which of its literals occur, instead of one dense pass per prefilter. Every output of the fused automaton is tagged
/// with the literal's id in each prefilter that knows it, so each prefilter then names its candidates exactly as its own
/// pass would have (<see cref="LiteralPrefilter.CollectFound"/>): an automaton reports a literal whenever it occurs with its
/// boundaries, whatever other literals it knows, so the union finds, per prefilter, the same literals.
/// </summary>
/// <remarks>
/// Built from the prefilters' own literal lists: a rule added to a rules directory or a lexicon term that becomes a gate
/// literal reaches the fused pass with the prefilter it belongs to, with no step of its own. The automaton of the built-in
/// set comes precompiled from the table image like every other (<see cref="Tables.TableImageBuilder"/> builds it).
/// </remarks>
internal sealed class FusedLiteralScan
{
    private readonly LiteralAutomaton _automaton;

    /// <summary>Per prefilter, per fused literal id, that literal's id in the prefilter (−1: the prefilter does not know it).</summary>
    private readonly int[][] _idIn;

    /// <param name="parts">Prefilters that all find their literals in any case, or all in their case.</param>
    /// <param name="alsoKnown">
    /// Literals the automaton knows though no part asks for them (reported to none): the rules' prefilter of each profile
    /// covers that profile's rules, and fused over every profile's literals the three engines share one automaton (and
    /// one entry of the table image) instead of one each.
    /// </param>
    public FusedLiteralScan(IReadOnlyList<LiteralPrefilter> parts, IEnumerable<string>? alsoKnown = null)
    {
        if (parts.Count == 0 || parts.Any(p => p.IgnoresCase != parts[0].IgnoresCase))
        {
            throw new ArgumentException("Fused prefilters must agree on case.", nameof(parts));
        }

        // Ordinal order, as the prefilters order their own: the same parts give the same automaton, which the table image holds.
        var union = parts.SelectMany(p => p.Literals).Concat(alsoKnown ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var fusedId = new Dictionary<string, int>(union.Length, StringComparer.Ordinal);
        foreach (var literal in union)
        {
            fusedId.Add(literal, fusedId.Count);
        }

        _idIn = new int[parts.Count][];
        for (var p = 0; p < parts.Count; p++)
        {
            var map = new int[union.Length];
            Array.Fill(map, -1);
            var own = parts[p].Literals;
            for (var id = 0; id < own.Count; id++)
            {
                map[fusedId[own[id]]] = id;
            }

            _idIn[p] = map;
        }

        Parts = parts;
        Literals = union;
        _automaton = new LiteralAutomaton(union, parts[0].IgnoresCase, DenseLimit);
    }

    /// <summary>
    /// The fused automaton is kept dense up to this many transitions (4 MiB): packed, a character costs a failure walk and
    /// the pass would cost more than the two dense passes it replaces. The built-in rules and gates need ~0.8 M (3.2 MiB).
    /// </summary>
    internal const int DenseLimit = 1 << 20;

    /// <summary>How many integers the fused automaton's transitions take, and whether they are a dense table (tests, benchmarks).</summary>
    internal (long Entries, bool Dense) Size => (_automaton.TransitionEntries, !_automaton.WalksTrie);

    /// <summary>The prefilters this pass serves, in the order <see cref="Scan"/> fills their lists.</summary>
    public IReadOnlyList<LiteralPrefilter> Parts { get; }

    /// <summary>The literals the fused automaton knows, in its id order.</summary>
    public IReadOnlyList<string> Literals { get; }

    /// <summary>How many distinct literals the fused automaton knows.</summary>
    public int Count => _automaton.Count;

    /// <summary>
    /// One pass over <paramref name="text"/>: fills <paramref name="found"/>[p] with the literals (prefilter p's ids, each
    /// once) of prefilter p that occur, for each part. <paramref name="scratch"/> holds the pass's "seen" marks.
    /// </summary>
    public void Scan(ReadOnlySpan<char> text, PrefilterScratch scratch, List<int> fused, List<int>[] found)
    {
        fused.Clear();
        _automaton.Scan(text, scratch.LiteralSeen(_automaton.Count), scratch.NextStamp(), fused);
        for (var p = 0; p < _idIn.Length; p++)
        {
            var map = _idIn[p];
            var list = found[p];
            list.Clear();
            foreach (var literal in fused)
            {
                if (map[literal] is var own and >= 0)
                {
                    list.Add(own);
                }
            }
        }
    }
}
