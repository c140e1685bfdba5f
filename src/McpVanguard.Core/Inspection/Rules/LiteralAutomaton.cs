namespace McpVanguard.Inspection.Rules;

/// <summary>
/// An Aho–Corasick automaton over a fixed set of literals: one pass over a text reports every literal it contains, at a
/// cost that depends on the text's length, not on how many literals (or rules) there are. A literal may carry word-boundary
/// marks (<see cref="RequiredLiterals.WordBoundary"/>) at its ends; an occurrence that certainly violates them is not reported.
/// </summary>
public sealed class LiteralAutomaton
{
    /// <summary>
    /// Above this many transitions (states × columns) the automaton is kept packed instead of dense. The rule and gate
    /// prefilters (a few hundred states over ~60 characters) stay dense; the multilingual lexicon (thousands of states over
    /// Latin, Cyrillic, Greek, Han, kana, Hangul…) would need ~36 MiB dense and about 0.3 MiB packed.
    /// </summary>
    internal const int DefaultDenseLimit = 1 << 18;

    /// <summary>Per character, its column in the transition table (0 = a character no literal contains).</summary>
    private readonly ushort[] _columnOf;
    private readonly int _columns;

    /// <summary>
    /// Dense transitions, <c>_dense[state * _columns + column]</c>, stored as the target's row offset (state × columns), complemented
    /// when the target has outputs, so that a character costs one look-up and one sign test, with no multiplication and no
    /// output list read on the (usual) characters that end no literal. Null when the automaton is packed.
    /// </summary>
    private readonly int[]? _dense;

    /// <summary>
    /// Packed form: the root's full row, and every other state's own edges (its trie children) overlaid in one array
    /// (<c>_edges[_base[state] + column]</c>, valid when <c>_owner</c> of that slot is the state), with failure links for
    /// the rest. Each character costs one look-up plus, amortised, at most one failure step: still linear in the text.
    /// </summary>
    private readonly int[] _rootRow = [];
    private readonly int[] _base = [];
    private readonly int[] _owner = [];
    private readonly int[] _edges = [];
    private readonly int[] _fail = [];

    /// <summary>Per state, the literals that end there (its own and, through suffix links, the shorter ones).</summary>
    private readonly int[][] _outputs;

    /// <summary>Per literal: its text length, and whether a word boundary must precede or follow it.</summary>
    private readonly (int Length, bool Start, bool End)[] _shape;

    /// <summary>The longest literal's length: how far before its half the second of two interleaved walks must start.</summary>
    private readonly int _longest;

    /// <summary>
    /// Texts at least this long are scanned as two halves walked in one loop (dense form). A character's step depends on
    /// the one before (look-up, then the next look-up at the row it gave), so one walk waits on each load; two independent
    /// walks overlap their loads. Short texts keep the single walk (the second walk's lead-in would dominate).
    /// </summary>
    internal const int InterleaveFrom = 512;

    /// <param name="marked">The lower-cased literals, with their boundary marks.</param>
    /// <param name="ignoreCase">Also find the literals in upper or mixed case (each character's invariant upper case is the same column).</param>
    public LiteralAutomaton(IReadOnlyList<string> marked, bool ignoreCase = false)
        : this(marked, ignoreCase, DefaultDenseLimit)
    {
    }

    /// <param name="denseLimit">The most transitions kept as a dense table (tests force the packed form with 0).</param>
    /// <remarks>
    /// The built-in automata (the lexicon's, the analysers' gates, the rules' prefilters) come precompiled from the
    /// engine's table image (<see cref="Tables.TableImage"/>) when it holds one for exactly these literals: a few array
    /// copies instead of building the trie, its failure links and its table at start-up.
    /// </remarks>
    internal LiteralAutomaton(IReadOnlyList<string> marked, bool ignoreCase, int denseLimit)
        : this(Resolve(marked, ignoreCase, denseLimit))
    {
    }

    private static LiteralAutomatonParts Resolve(IReadOnlyList<string> marked, bool ignoreCase, int denseLimit)
    {
        if (Tables.TableImage.Current?.Automaton(marked, ignoreCase, denseLimit) is { } precompiled)
        {
            return precompiled;
        }

        Tables.TableRecorder.Current?.Automaton(marked, ignoreCase, denseLimit);
        return LiteralAutomatonBuilder.Build(marked, ignoreCase, denseLimit);
    }

    private LiteralAutomaton(LiteralAutomatonParts parts)
    {
        Count = parts.Shape.Length;
        States = parts.States;
        _shape = parts.Shape;
        _longest = parts.Shape.Length == 0 ? 0 : parts.Shape.Max(static s => s.Length);
        _columnOf = parts.ColumnOf;
        _columns = parts.Columns;
        _dense = parts.Dense;
        _outputs = parts.Outputs;
        if (parts.Dense is null)
        {
            _rootRow = parts.RootRow;
            _base = parts.Base;
            _owner = parts.Owner;
            _edges = parts.Edges;
            _fail = parts.Fail;
        }
    }

    /// <summary>An automaton over tables already built (tests compare one read from the table image with one built here).</summary>
    internal static LiteralAutomaton FromParts(LiteralAutomatonParts parts) => new(parts);

    /// <summary>The state after reading a character of <paramref name="column"/> in <paramref name="state"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int Step(int state, int column)
        => _dense is { } dense ? DenseTarget(dense[(state * _columns) + column]) : PackedStep(state, column);

    /// <summary>The state a dense entry leads to.</summary>
    private int DenseTarget(int entry) => (entry < 0 ? ~entry : entry) / _columns;

    private int PackedStep(int state, int column)
    {
        if (column == 0)
        {
            return 0;
        }

        var owner = _owner;
        while (state != 0)
        {
            var slot = _base[state] + column;
            if ((uint)slot < (uint)owner.Length && owner[slot] == state)
            {
                return _edges[slot];
            }

            state = _fail[state];
        }

        return _rootRow[column];
    }

    /// <summary>How many integers the transitions take (dense or packed): what the automaton costs in memory.</summary>
    internal long TransitionEntries => _dense?.LongLength ?? _rootRow.LongLength + _base.LongLength + _owner.LongLength + _edges.LongLength + _fail.LongLength;

    /// <summary>How many literals the automaton knows.</summary>
    public int Count { get; }

    /// <summary>How many states it has.</summary>
    public int States { get; }

    /// <summary>
    /// Adds to <paramref name="found"/> each literal of <paramref name="text"/> once: a literal is new when its entry in
    /// <paramref name="seen"/> (one per literal, owned by the caller) differs from <paramref name="stamp"/>.
    /// </summary>
    public void Scan(ReadOnlySpan<char> text, int[] seen, int stamp, List<int> found)
    {
        if (_dense is { } table)
        {
            ScanDense(table, text, seen, stamp, found);
            return;
        }

        var current = 0;
        var columnOf = _columnOf;
        var outputs = _outputs;
        for (var position = 0; position < text.Length; position++)
        {
            current = PackedStep(current, columnOf[text[position]]);
            var hits = outputs[current];
            for (var i = 0; i < hits.Length; i++)
            {
                var literal = hits[i];
                if (seen[literal] != stamp && BoundariesMayHold(text, position, _shape[literal]))
                {
                    seen[literal] = stamp;
                    found.Add(literal);
                }
            }
        }
    }

    private void ScanDense(int[] table, ReadOnlySpan<char> text, int[] seen, int stamp, List<int> found)
    {
        if (text.Length >= InterleaveFrom && _longest > 0 && text.Length >= 4 * _longest)
        {
            ScanDenseInterleaved(table, text, seen, stamp, found);
            return;
        }

        ScanDenseSingle(table, text, seen, stamp, found);
    }

    /// <summary>The dense scan as one walk (what <see cref="ScanDenseInterleaved"/> must agree with: tests compare them).</summary>
    internal void ScanDenseSingle(ReadOnlySpan<char> text, int[] seen, int stamp, List<int> found)
        => ScanDenseSingle(_dense ?? throw new InvalidOperationException("The automaton is packed."), text, seen, stamp, found);

    /// <summary>
    /// The dense scan as two walks in one loop: the first over the first half, the second from <see cref="_longest"/> − 1
    /// characters before the second half (a walk started at the root finds every occurrence that lies wholly inside what it
    /// reads), reporting only occurrences that end in its half. Finds the same literals as one walk, maybe in another order.
    /// </summary>
    private void ScanDenseInterleaved(int[] table, ReadOnlySpan<char> text, int[] seen, int stamp, List<int> found)
    {
        var columnOf = _columnOf;
        var half = text.Length / 2;
        var second = half - (_longest - 1);
        var first = text[..half];
        var rest = text[second..];
        var rowA = 0;
        var rowB = 0;
        var i = 0;
        for (; i < first.Length; i++)
        {
            var nextA = table[rowA + columnOf[first[i]]];
            var nextB = table[rowB + columnOf[rest[i]]];
            rowA = nextA;
            rowB = nextB;
            if ((nextA | nextB) < 0)
            {
                if (nextA < 0)
                {
                    rowA = ~nextA;
                    Report(rowA, text, i, seen, stamp, found);
                }

                if (nextB < 0)
                {
                    rowB = ~nextB;
                    if (second + i >= half)
                    {
                        Report(rowB, text, second + i, seen, stamp, found);
                    }
                }
            }
        }

        for (; i < rest.Length; i++)
        {
            var next = table[rowB + columnOf[rest[i]]];
            if (next >= 0)
            {
                rowB = next;
                continue;
            }

            rowB = ~next;
            Report(rowB, text, second + i, seen, stamp, found);
        }
    }

    /// <summary>Adds the literals that end in the state at row <paramref name="row"/> at <paramref name="position"/>, each once.</summary>
    private void Report(int row, ReadOnlySpan<char> text, int position, int[] seen, int stamp, List<int> found)
    {
        var hits = _outputs[row / _columns];
        for (var h = 0; h < hits.Length; h++)
        {
            var literal = hits[h];
            if (seen[literal] != stamp && BoundariesMayHold(text, position, _shape[literal]))
            {
                seen[literal] = stamp;
                found.Add(literal);
            }
        }
    }

    private void ScanDenseSingle(int[] table, ReadOnlySpan<char> text, int[] seen, int stamp, List<int> found)
    {
        var columnOf = _columnOf;
        var columns = _columns;
        var row = 0;
        for (var position = 0; position < text.Length; position++)
        {
            var next = table[row + columnOf[text[position]]];
            if (next >= 0)
            {
                row = next;
                continue;
            }

            row = ~next;
            var hits = _outputs[row / columns];
            for (var i = 0; i < hits.Length; i++)
            {
                var literal = hits[i];
                if (seen[literal] != stamp && BoundariesMayHold(text, position, _shape[literal]))
                {
                    seen[literal] = stamp;
                    found.Add(literal);
                }
            }
        }
    }

    /// <summary>
    /// False only when the occurrence ending at <paramref name="last"/> certainly breaks a required word boundary. Word
    /// characters are judged on ASCII only; a non-ASCII neighbour (which the regex engine may count either way) never rejects.
    /// </summary>
    private static bool BoundariesMayHold(ReadOnlySpan<char> text, int last, (int Length, bool Start, bool End) shape)
    {
        var first = last - shape.Length + 1;
        return (!shape.Start || MayBeBoundary(text, first)) && (!shape.End || MayBeBoundary(text, last + 1));
    }

    /// <summary>Whether a word boundary may sit between <c>text[at - 1]</c> and <c>text[at]</c> (outside the text counts as a non-word character).</summary>
    private static bool MayBeBoundary(ReadOnlySpan<char> text, int at)
    {
        var before = at > 0 ? WordKind(text[at - 1]) : 0;
        var after = at < text.Length ? WordKind(text[at]) : 0;
        return before < 0 || after < 0 || before != after;
    }

    /// <summary>1 for an ASCII word character, 0 for any other ASCII character, −1 when not ASCII (unknown).</summary>
    private static int WordKind(char c) => c > 127 ? -1 : char.IsAsciiLetterOrDigit(c) || c == '_' ? 1 : 0;

    /// <summary>
    /// Adds every occurrence of every literal in <paramref name="text"/> to <paramref name="found"/> as (literal, index
    /// of its last character), in text order, stopping at <paramref name="max"/> occurrences (the multilingual lexicon
    /// needs positions to join words by distance).
    /// </summary>
    /// <param name="accept">A further test of each occurrence (the caller's own word boundaries); rejected ones do not count towards <paramref name="max"/>.</param>
    public void ScanOccurrences(ReadOnlySpan<char> text, List<(int Literal, int Last)> found, int max, Func<int, int, bool>? accept = null)
    {
        var current = 0;
        for (var position = 0; position < text.Length; position++)
        {
            current = Step(current, _columnOf[text[position]]);
            foreach (var literal in _outputs[current])
            {
                if (BoundariesMayHold(text, position, _shape[literal]) && (accept is null || accept(literal, position)))
                {
                    found.Add((literal, position));
                    if (found.Count >= max)
                    {
                        return;
                    }
                }
            }
        }
    }

    /// <summary>The text length of literal <paramref name="literal"/>.</summary>
    public int LengthOf(int literal) => _shape[literal].Length;

    /// <summary>
    /// True when the trie's own edges can be walked apart from the failure transitions (<see cref="TrieChild"/>): the packed
    /// form keeps them apart; the dense table has merged them.
    /// </summary>
    internal bool WalksTrie => _dense is null;

    /// <summary>The column of <paramref name="c"/> (0: no literal contains it).</summary>
    internal int ColumnOf(char c) => _columnOf[c];

    /// <summary>Whether literal <paramref name="literal"/> carries a word-boundary mark at either end.</summary>
    internal bool HasBoundaryMarks(int literal) => _shape[literal].Start || _shape[literal].End;

    /// <summary>The literals that end in <paramref name="state"/> (its own first, then those of its suffixes).</summary>
    internal int[] OutputsOf(int state) => _outputs[state];

    /// <summary>
    /// The trie child of <paramref name="state"/> on <paramref name="column"/>, or 0 when the trie has none (no failure
    /// link is followed: an anchored walk from the root finds only literals that start where it started). Packed form only.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal int TrieChild(int state, int column)
    {
        if (state == 0)
        {
            return _rootRow[column];
        }

        var slot = _base[state] + column;
        var owner = _owner;
        return column != 0 && (uint)slot < (uint)owner.Length && owner[slot] == state ? _edges[slot] : 0;
    }

    /// <summary>True when <paramref name="text"/> contains at least one of the literals.</summary>
    public bool ContainsAny(ReadOnlySpan<char> text)
    {
        var current = 0;
        for (var position = 0; position < text.Length; position++)
        {
            current = Step(current, _columnOf[text[position]]);
            foreach (var literal in _outputs[current])
            {
                if (BoundariesMayHold(text, position, _shape[literal]))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
