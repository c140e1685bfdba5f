namespace McpVanguard.Inspection.Rules;

/// <summary>
/// An Aho–Corasick automaton over a fixed set of literals: one pass over a text reports every literal it contains, at a
/// cost that depends on the text's length, not on how many literals (or rules) there are. A literal may carry word-boundary
/// marks (<see cref="RequiredLiterals.WordBoundary"/>) at its ends; an occurrence that certainly violates them is not reported.
/// </summary>
public sealed class LiteralAutomaton
{
    /// <summary>Per character, its column in the transition table (0 = a character no literal contains).</summary>
    private readonly ushort[] _columnOf;
    private readonly int _columns;

    /// <summary>Dense transitions: <c>_next[state * _columns + column]</c>.</summary>
    private readonly int[] _next;

    /// <summary>Per state, the literals that end there (its own and, through suffix links, the shorter ones).</summary>
    private readonly int[][] _outputs;

    /// <summary>Per literal: its text length, and whether a word boundary must precede or follow it.</summary>
    private readonly (int Length, bool Start, bool End)[] _shape;

    /// <param name="marked">The lower-cased literals, with their boundary marks.</param>
    /// <param name="ignoreCase">Also find the literals in upper or mixed case (each character's invariant upper case is the same column).</param>
    public LiteralAutomaton(IReadOnlyList<string> marked, bool ignoreCase = false)
    {
        Count = marked.Count;
        _shape = [.. marked.Select(l => (RequiredLiterals.TextOf(l).Length, RequiredLiterals.StartsAtWordBoundary(l), RequiredLiterals.EndsAtWordBoundary(l)))];
        var literals = marked.Select(RequiredLiterals.TextOf).ToList();
        _columnOf = new ushort[char.MaxValue + 1];
        var columns = 1;
        foreach (var literal in literals)
        {
            foreach (var c in literal)
            {
                if (_columnOf[c] == 0)
                {
                    _columnOf[c] = checked((ushort)columns++);
                }
            }
        }

        if (ignoreCase)
        {
            for (var c = 0; c <= char.MaxValue; c++)
            {
                if (_columnOf[c] != 0)
                {
                    var upper = char.ToUpperInvariant((char)c);
                    if (_columnOf[upper] == 0)
                    {
                        _columnOf[upper] = _columnOf[c];
                    }
                }
            }
        }

        _columns = columns;

        // The trie, with sparse children while it is built.
        var children = new List<Dictionary<int, int>> { new() };
        var own = new List<List<int>> { new() };
        for (var id = 0; id < literals.Count; id++)
        {
            var state = 0;
            foreach (var c in literals[id])
            {
                var column = _columnOf[c];
                if (!children[state].TryGetValue(column, out var next))
                {
                    next = children.Count;
                    children.Add([]);
                    own.Add([]);
                    children[state][column] = next;
                }

                state = next;
            }

            if (literals[id].Length > 0)
            {
                own[state].Add(id);
            }
        }

        // Breadth-first: failure links, then the full transition table and merged outputs.
        var states = children.Count;
        _next = new int[states * columns];
        _outputs = new int[states][];
        var fail = new int[states];
        var queue = new Queue<int>();
        _outputs[0] = [];
        for (var column = 0; column < columns; column++)
        {
            if (children[0].TryGetValue(column, out var child))
            {
                _next[column] = child;
                fail[child] = 0;
                queue.Enqueue(child);
            }
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            _outputs[state] = own[state].Count == 0 ? _outputs[fail[state]] : [.. own[state], .. _outputs[fail[state]]];
            for (var column = 0; column < columns; column++)
            {
                if (children[state].TryGetValue(column, out var child))
                {
                    _next[(state * columns) + column] = child;
                    fail[child] = _next[(fail[state] * columns) + column];
                    queue.Enqueue(child);
                }
                else
                {
                    _next[(state * columns) + column] = _next[(fail[state] * columns) + column];
                }
            }
        }

        States = states;
    }

    /// <summary>How many literals the automaton knows.</summary>
    public int Count { get; }

    /// <summary>How many states it has (its size is <c>States × columns</c> integers).</summary>
    public int States { get; }

    /// <summary>
    /// Adds to <paramref name="found"/> each literal of <paramref name="text"/> once: a literal is new when its entry in
    /// <paramref name="seen"/> (one per literal, owned by the caller) differs from <paramref name="stamp"/>.
    /// </summary>
    public void Scan(ReadOnlySpan<char> text, int[] seen, int stamp, List<int> found)
    {
        var current = 0;
        var next = _next;
        var columnOf = _columnOf;
        var columns = _columns;
        var outputs = _outputs;
        for (var position = 0; position < text.Length; position++)
        {
            current = next[(current * columns) + columnOf[text[position]]];
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
            current = _next[(current * _columns) + _columnOf[text[position]]];
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

    /// <summary>True when <paramref name="text"/> contains at least one of the literals.</summary>
    public bool ContainsAny(ReadOnlySpan<char> text)
    {
        var current = 0;
        for (var position = 0; position < text.Length; position++)
        {
            current = _next[(current * _columns) + _columnOf[text[position]]];
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
