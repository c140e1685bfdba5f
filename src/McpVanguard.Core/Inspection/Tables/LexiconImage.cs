using McpVanguard.Inspection.Instructions;

namespace McpVanguard.Inspection.Tables;

/// <summary>
/// The injection lexicon's parsed tables in the table image, after the hash of the YAML they were parsed from. Its
/// automaton is an automaton entry of its own (found by the lexicon's literals).
/// </summary>
internal static class LexiconImage
{
    public static void Write(ImageWriter w, ReadOnlySpan<byte> yaml, LexiconTables tables)
    {
        w.Long(ContentKey.Of(yaml));
        w.Strings(tables.Concepts);
        w.Strings(tables.Marked);
        w.Int(tables.Literals.Length);
        foreach (var (concepts, start, end) in tables.Literals)
        {
            w.Ints(concepts);
            w.Byte((byte)((start ? 1 : 0) | (end ? 2 : 0)));
        }

        w.Int(tables.Combinations.Length);
        foreach (var c in tables.Combinations)
        {
            w.String(c.Id);
            w.Int(c.Groups.Length);
            foreach (var group in c.Groups)
            {
                w.Ints(group);
            }

            w.Int(c.Window);
            w.Int(c.UnlessNear);
            w.Int((int)c.Signals);
            w.String(c.RuleId);
        }
    }

    /// <summary>Reads the tables after the source hash (the caller has compared it).</summary>
    public static LexiconTables Read(ref ImageReader r)
    {
        var concepts = r.Strings();
        var marked = r.Strings();
        var literals = new (int[] Concepts, bool Start, bool End)[r.Count()];
        for (var i = 0; i < literals.Length; i++)
        {
            var ids = r.Ints();
            var flags = r.Byte();
            literals[i] = (ids, (flags & 1) != 0, (flags & 2) != 0);
        }

        var combinations = new LexiconCombination[r.Count()];
        for (var i = 0; i < combinations.Length; i++)
        {
            var id = r.RequiredString();
            var groups = new int[r.Count()][];
            for (var g = 0; g < groups.Length; g++)
            {
                groups[g] = r.Ints();
            }

            combinations[i] = new LexiconCombination(id, groups, r.Int(), r.Int(), (InstructionSignals)r.Int(), r.String());
        }

        return new LexiconTables(concepts, marked, literals, combinations);
    }
}
