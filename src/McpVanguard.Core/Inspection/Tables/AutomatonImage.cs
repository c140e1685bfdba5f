using McpVanguard.Inspection.Rules;

namespace McpVanguard.Inspection.Tables;

/// <summary>
/// A <see cref="LiteralAutomaton"/>'s arrays in the table image: the key (flags and literals), the character columns as
/// (character, column) pairs, the dense table or the packed one, each state's outputs as an index into the distinct output
/// lists (states share their failure target's list, as the built automaton does), and each literal's shape.
/// </summary>
internal static class AutomatonImage
{
    public static void Write(ImageWriter w, IReadOnlyList<string> marked, bool ignoreCase, int denseLimit, LiteralAutomatonParts parts)
    {
        w.Int(TableImage.AutomatonFlags(ignoreCase, denseLimit));
        w.Strings([.. marked]);
        var chars = new List<ushort>();
        var columns = new List<ushort>();
        for (var c = 0; c < parts.ColumnOf.Length; c++)
        {
            if (parts.ColumnOf[c] != 0)
            {
                chars.Add((ushort)c);
                columns.Add(parts.ColumnOf[c]);
            }
        }

        w.UShorts([.. chars]);
        w.UShorts([.. columns]);
        w.Int(parts.Columns);
        w.Int(parts.States);
        w.Bool(parts.Dense is not null);
        if (parts.Dense is { } dense)
        {
            w.Ints(dense);
        }
        else
        {
            w.Ints(parts.RootRow);
            w.Ints(parts.Base);
            w.Ints(parts.Owner);
            w.Ints(parts.Edges);
            w.Ints(parts.Fail);
        }

        var lists = new List<int[]>();
        var listOf = new Dictionary<int[], int>(ReferenceEqualityComparer.Instance);
        var outputIndex = new int[parts.Outputs.Length];
        for (var state = 0; state < parts.Outputs.Length; state++)
        {
            var list = parts.Outputs[state];
            if (!listOf.TryGetValue(list, out var at))
            {
                at = lists.Count;
                listOf.Add(list, at);
                lists.Add(list);
            }

            outputIndex[state] = at;
        }

        w.Int(lists.Count);
        foreach (var list in lists)
        {
            w.Ints(list);
        }

        w.Ints(outputIndex);
        w.Ints([.. parts.Shape.Select(s => s.Length)]);
        w.Ints([.. parts.Shape.Select(s => (s.Start ? 1 : 0) | (s.End ? 2 : 0))]);
    }

    /// <summary>Reads the arrays after the key (the caller has compared the literals).</summary>
    public static LiteralAutomatonParts Read(ref ImageReader r, int literals)
    {
        var chars = r.UShorts();
        var columns = r.UShorts();
        if (chars.Length != columns.Length)
        {
            throw new FormatException("An automaton's columns are malformed.");
        }

        var columnOf = new ushort[char.MaxValue + 1];
        for (var i = 0; i < chars.Length; i++)
        {
            columnOf[chars[i]] = columns[i];
        }

        var columnCount = r.Int();
        var states = r.Int();
        int[]? dense = null;
        int[] rootRow = [], bases = [], owner = [], edges = [], fail = [];
        if (r.Bool())
        {
            dense = r.Ints();
        }
        else
        {
            rootRow = r.Ints();
            bases = r.Ints();
            owner = r.Ints();
            edges = r.Ints();
            fail = r.Ints();
        }

        var lists = new int[r.Count()][];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = r.Ints();
        }

        var outputIndex = r.Ints();
        var outputs = new int[outputIndex.Length][];
        for (var state = 0; state < outputs.Length; state++)
        {
            outputs[state] = lists[outputIndex[state]];
        }

        var lengths = r.Ints();
        var shapeFlags = r.Ints();
        if (lengths.Length != literals || shapeFlags.Length != literals || outputs.Length != states)
        {
            throw new FormatException("An automaton's shape is malformed.");
        }

        var shape = new (int Length, bool Start, bool End)[literals];
        for (var i = 0; i < literals; i++)
        {
            shape[i] = (lengths[i], (shapeFlags[i] & 1) != 0, (shapeFlags[i] & 2) != 0);
        }

        return new LiteralAutomatonParts(columnOf, columnCount, states, dense, rootRow, bases, owner, edges, fail, outputs, shape);
    }
}
