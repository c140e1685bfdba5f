using McpVanguard.Inspection.Rules;

namespace McpVanguard.Inspection;

/// <summary>
/// The literal gates of every analyser regex (<see cref="PrefilteredRegex"/>) compiled into one
/// <see cref="LiteralAutomaton"/>: one pass over a text tells every gate whether it passes, instead of one scan per gate,
/// and word-boundary marks are honoured. The result for the last text is kept per thread, since the analysers ask
/// many gates about the same string in turn.
/// </summary>
internal static class AnalyzerGates
{
    private static readonly Lock Sync = new();
    private static readonly List<PrefilteredRegex> Registered = [];
    private static volatile Compiled? s_compiled;

    [ThreadStatic]
    private static string? t_text;

    [ThreadStatic]
    private static Compiled? t_compiledFor;

    [ThreadStatic]
    private static int[]? t_masks;

    [ThreadStatic]
    private static int[]? t_seen;

    [ThreadStatic]
    private static int t_stamp;

    [ThreadStatic]
    private static List<int>? t_found;

    /// <summary>Registers a gated regex and returns its index (its bit position in the scan result).</summary>
    public static int Register(PrefilteredRegex regex)
    {
        lock (Sync)
        {
            Registered.Add(regex);
            s_compiled = null;
            return Registered.Count - 1;
        }
    }

    /// <summary>Per registered regex, the bits of the literal sets <paramref name="text"/> holds (cached for the last text of this thread).</summary>
    public static int[] Masks(string text)
    {
        var compiled = Current();
        if (ReferenceEquals(t_text, text) && ReferenceEquals(t_compiledFor, compiled) && t_masks is { } cached)
        {
            return cached;
        }

        var masks = Scan(text, compiled);
        t_text = text;
        t_compiledFor = compiled;
        return masks;
    }

    /// <summary>The same for a span (not cached).</summary>
    public static int[] Masks(ReadOnlySpan<char> text)
    {
        t_text = null;
        return Scan(text, Current());
    }

    private static int[] Scan(ReadOnlySpan<char> text, Compiled compiled)
    {
        var masks = t_masks is { } m && m.Length >= compiled.RegexCount ? m : t_masks = new int[compiled.RegexCount];
        Array.Clear(masks);
        var seen = t_seen is { } s && s.Length >= compiled.Automaton.Count ? s : t_seen = new int[compiled.Automaton.Count];
        if (++t_stamp == int.MaxValue)
        {
            Array.Clear(seen);
            t_stamp = 1;
        }

        var found = t_found ??= [];
        found.Clear();
        compiled.Automaton.Scan(text, seen, t_stamp, found);
        foreach (var literal in found)
        {
            foreach (var (regex, bit) in compiled.Owners[literal])
            {
                masks[regex] |= bit;
            }
        }

        return masks;
    }

    private static Compiled Current()
    {
        if (s_compiled is { } compiled)
        {
            return compiled;
        }

        lock (Sync)
        {
            return s_compiled ??= Compile(Registered);
        }
    }

    private static Compiled Compile(List<PrefilteredRegex> regexes)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var owners = new List<List<(int, int)>>();
        for (var index = 0; index < regexes.Count; index++)
        {
            var sets = regexes[index].LiteralSets;
            for (var set = 0; set < sets.Count; set++)
            {
                foreach (var literal in sets[set])
                {
                    if (!ids.TryGetValue(literal, out var id))
                    {
                        id = ids.Count;
                        ids.Add(literal, id);
                        owners.Add([]);
                    }

                    owners[id].Add((index, 1 << set));
                }
            }
        }

        var automaton = new LiteralAutomaton([.. ids.OrderBy(p => p.Value).Select(p => p.Key)], ignoreCase: true);
        return new Compiled(automaton, [.. owners.Select(o => o.ToArray())], regexes.Count);
    }

    private sealed record Compiled(LiteralAutomaton Automaton, (int Regex, int Bit)[][] Owners, int RegexCount);
}
