using McpVanguard.Inspection.Rules;

namespace McpVanguard.Inspection;

/// <summary>
/// The literal gates of every analyser regex (<see cref="PrefilteredRegex"/>) compiled into one case-insensitive
/// <see cref="LiteralPrefilter"/>, as the rules are: one pass over a text tells every gate whether it passes, instead of
/// one scan per gate, and word-boundary marks are honoured. The result for the last text is kept per thread, since the
/// analysers ask many gates about the same string in turn.
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
    private static Scratch? t_scratch;

    /// <summary>Registers a gated regex and returns its index in the scan result.</summary>
    public static int Register(PrefilteredRegex regex)
    {
        lock (Sync)
        {
            Registered.Add(regex);
            s_compiled = null;
            return Registered.Count - 1;
        }
    }

    /// <summary>Per registered regex, whether <paramref name="text"/> passes its gate (cached for the last text of this thread).</summary>
    public static bool[] Passes(string text)
    {
        var compiled = Current();
        if (ReferenceEquals(t_text, text) && ReferenceEquals(t_compiledFor, compiled) && t_scratch is { } cached)
        {
            return cached.Passes;
        }

        var passes = Scan(text, compiled);
        t_text = text;
        t_compiledFor = compiled;
        return passes;
    }

    /// <summary>The same for a span (not cached).</summary>
    public static bool[] Passes(ReadOnlySpan<char> text)
    {
        t_text = null;
        return Scan(text, Current());
    }

    private static bool[] Scan(ReadOnlySpan<char> text, Compiled compiled)
    {
        var scratch = t_scratch is { } s && s.For == compiled ? s : t_scratch = new Scratch(compiled);
        Array.Clear(scratch.Passes);
        scratch.Candidates.Clear();
        scratch.Prefilter.BeginString();
        compiled.Prefilter.Collect(text, scratch.Prefilter, scratch.Candidates);
        foreach (var regex in scratch.Candidates)
        {
            scratch.Passes[regex] = true;
        }

        return scratch.Passes;
    }

    private static Compiled Current()
    {
        if (s_compiled is { } compiled)
        {
            return compiled;
        }

        lock (Sync)
        {
            return s_compiled ??= new Compiled(
                new LiteralPrefilter(Registered.Select((regex, index) => (regex.LiteralSets, index)), Registered.Count, ignoreCase: true),
                Registered.Count);
        }
    }

    private sealed record Compiled(LiteralPrefilter Prefilter, int Count);

    private sealed class Scratch(Compiled compiled)
    {
        public Compiled For { get; } = compiled;

        public PrefilterScratch Prefilter { get; } = new(compiled.Count);

        public bool[] Passes { get; } = new bool[compiled.Count];

        public List<int> Candidates { get; } = [];
    }
}
