namespace McpVanguard.Inspection.Rules;

/// <summary>
/// Builds a <see cref="LiteralAutomaton"/>'s tables from its literals: the trie, its failure links and merged outputs, then
/// a dense table or the packed one. Start-up reads the built-in automata from the table image instead
/// (<see cref="Tables.TableImage"/>), which the build fills by running this.
/// </summary>
internal static class LiteralAutomatonBuilder
{
    /// <summary>Builds the automaton's tables from its literals (what the table image holds precompiled for the built-in ones).</summary>
    public static LiteralAutomatonParts Build(IReadOnlyList<string> marked, bool ignoreCase, int denseLimit)
    {
        (int Length, bool Start, bool End)[] shape = [.. marked.Select(l => (RequiredLiterals.TextOf(l).Length, RequiredLiterals.StartsAtWordBoundary(l), RequiredLiterals.EndsAtWordBoundary(l)))];
        var literals = marked.Select(RequiredLiterals.TextOf).ToList();
        var columnOf = new ushort[char.MaxValue + 1];
        var columns = 1;
        foreach (var literal in literals)
        {
            foreach (var c in literal)
            {
                if (columnOf[c] == 0)
                {
                    columnOf[c] = checked((ushort)columns++);
                }
            }
        }

        if (ignoreCase)
        {
            for (var c = 0; c <= char.MaxValue; c++)
            {
                if (columnOf[c] != 0)
                {
                    var upper = char.ToUpperInvariant((char)c);
                    if (columnOf[upper] == 0)
                    {
                        columnOf[upper] = columnOf[c];
                    }
                }
            }
        }

        // The trie, with sparse children while it is built.
        var children = new List<Dictionary<int, int>> { new() };
        var own = new List<List<int>> { new() };
        for (var id = 0; id < literals.Count; id++)
        {
            var state = 0;
            foreach (var c in literals[id])
            {
                var column = columnOf[c];
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

        // Breadth-first (a state's failure target is always shallower, so it is complete before the state): failure
        // links and merged outputs.
        var states = children.Count;
        var fail = new int[states];
        var order = new List<int>(states) { 0 };
        var outputs = new int[states][];
        outputs[0] = [];
        for (var at = 0; at < order.Count; at++)
        {
            var state = order[at];
            foreach (var (column, child) in children[state])
            {
                fail[child] = state == 0 ? 0 : Goto(children, fail, fail[state], column);
                order.Add(child);
            }

            if (state != 0)
            {
                outputs[state] = own[state].Count == 0 ? outputs[fail[state]] : [.. own[state], .. outputs[fail[state]]];
            }
        }

        if ((long)states * columns <= denseLimit)
        {
            var dense = new int[states * columns];
            foreach (var state in order)
            {
                for (var column = 0; column < columns; column++)
                {
                    dense[(state * columns) + column] = children[state].TryGetValue(column, out var child) ? child
                        : state == 0 ? 0 : dense[(fail[state] * columns) + column];
                }
            }

            for (var i = 0; i < dense.Length; i++)
            {
                var next = dense[i];
                dense[i] = outputs[next].Length == 0 ? next * columns : ~(next * columns);
            }

            return new LiteralAutomatonParts(columnOf, columns, states, dense, [], [], [], [], [], outputs, shape);
        }

        var rootRow = new int[columns];
        foreach (var (column, child) in children[0])
        {
            rootRow[column] = child;
        }

        var (bases, owner, edges) = Pack(children);
        return new LiteralAutomatonParts(columnOf, columns, states, null, rootRow, bases, owner, edges, fail, outputs, shape);
    }

    /// <summary>The state reached from <paramref name="state"/> on <paramref name="column"/>, following failure links (construction only).</summary>
    private static int Goto(List<Dictionary<int, int>> children, int[] fail, int state, int column)
    {
        while (true)
        {
            if (children[state].TryGetValue(column, out var next))
            {
                return next;
            }

            if (state == 0)
            {
                return 0;
            }

            state = fail[state];
        }
    }

    /// <summary>
    /// Overlays the edges of every state but the root in one array (first fit, as in a double-array trie): a state's
    /// base is the lowest offset at which all its columns fall on free slots.
    /// </summary>
    /// <remarks>
    /// The free slots are kept in an ascending linked list, so the search for a base visits only free slots: walking every
    /// taken slot from the first free one was ~90 ms of CPU for the injection lexicon (thousands of states), on the path to
    /// the first answer that has text. The placement is the same first fit as that walk: candidates in ascending order.
    /// </remarks>
    private static (int[] Base, int[] Owner, int[] Edges) Pack(List<Dictionary<int, int>> children)
    {
        var bases = new int[children.Count];
        var slots = new PackedSlots(children.Count * 2);
        var columns = new List<int>();
        for (var state = 1; state < children.Count; state++)
        {
            if (children[state].Count == 0)
            {
                continue;
            }

            columns.Clear();
            columns.AddRange(children[state].Keys);
            columns.Sort();
            var b = slots.FirstFit(columns);
            bases[state] = b;
            foreach (var column in columns)
            {
                slots.Take(b + column, state, children[state][column]);
            }
        }

        return (bases, slots.Owners(), slots.Edges());
    }
}
