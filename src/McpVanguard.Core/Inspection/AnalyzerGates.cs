using McpVanguard.Inspection.Rules;

namespace McpVanguard.Inspection;

/// <summary>
/// The literal gates of every analyser regex (<see cref="PrefilteredRegex"/>) compiled into one case-insensitive
/// <see cref="LiteralPrefilter"/>, as the rules are: one pass over a text tells every gate whether it passes, instead of
/// one scan per gate, and word-boundary marks are honoured. The results for the last few texts are kept per thread, since
/// the analysers ask many gates about the same strings in turn.
/// </summary>
internal static class AnalyzerGates
{
    private static readonly Lock Sync = new();
    private static readonly List<PrefilteredRegex> Registered = [];
    private static volatile Compiled? s_compiled;

    /// <summary>
    /// Texts whose result is kept per thread. The inspectors of one message ask about the same few texts in turn (a
    /// string's canonical copy, its decoded copy, a masked or joined form); with one entry, every switch between them
    /// rescanned the whole text (a 100 KB write was scanned again at every switch). Four entries hold each at most once.
    /// </summary>
    internal const int CachedTexts = 4;

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

    /// <summary>
    /// Per registered regex, whether <paramref name="text"/> passes its gate. The result is kept for the last
    /// <see cref="CachedTexts"/> texts of this thread (by reference: strings are immutable); the array stays valid until
    /// that many other texts have been scanned on this thread.
    /// </summary>
    public static bool[] Passes(string text)
    {
        var scratch = ScratchFor(Current());
        var texts = scratch.Texts;
        for (var i = 0; i < texts.Length; i++)
        {
            if (ReferenceEquals(texts[i], text))
            {
                return scratch.Results[i];
            }
        }

        var slot = scratch.NextSlot;
        scratch.NextSlot = (slot + 1) % texts.Length;
        var results = scratch.Results[slot];
        texts[slot] = null;
        var twin = CaseTwin(texts, text);
        if (twin >= 0)
        {
            // The gates ignore case: a string equal to a held one but for ASCII case (the decoded copy of a string whose
            // canonical copy is only lower-cased) passes the same gates.
            Array.Copy(scratch.Results[twin], results, results.Length);
        }
        else
        {
            Scan(text, scratch, results);
        }

        texts[slot] = text;
        return results;
    }

    /// <summary>
    /// The gates' prefilter as compiled for the gates registered now: a <see cref="FusedLiteralScan"/> joins it with the
    /// rules' prefilter, and hands back what it found with <see cref="Store"/>. A new compilation is a new object.
    /// </summary>
    internal static LiteralPrefilter CurrentPrefilter => Current().Prefilter;

    /// <summary>
    /// Keeps, as this thread's result for <paramref name="text"/>, the gates that the <paramref name="literals"/> (ids of
    /// <paramref name="compiledWith"/>'s literals found in the text by a fused pass) pass: what <see cref="Passes(string)"/>
    /// would compute with its own pass. Ignored when the gates have been recompiled since (a regex registered meanwhile:
    /// the next <see cref="Passes(string)"/> scans) or when the text is held already.
    /// </summary>
    internal static void Store(string text, LiteralPrefilter compiledWith, List<int> literals)
    {
        var compiled = Current();
        if (!ReferenceEquals(compiled.Prefilter, compiledWith))
        {
            return;
        }

        var scratch = ScratchFor(compiled);
        var texts = scratch.Texts;
        for (var i = 0; i < texts.Length; i++)
        {
            if (ReferenceEquals(texts[i], text))
            {
                return;
            }
        }

        var slot = scratch.NextSlot;
        scratch.NextSlot = (slot + 1) % texts.Length;
        var passes = scratch.Results[slot];
        Array.Clear(passes);
        scratch.Candidates.Clear();
        scratch.Prefilter.BeginString();
        compiled.Prefilter.CollectFound(literals, scratch.Prefilter, scratch.Candidates);
        foreach (var regex in scratch.Candidates)
        {
            passes[regex] = true;
        }

        texts[slot] = text;
    }

    /// <summary>The slot of a held text equal to <paramref name="text"/> ignoring ASCII case, or −1.</summary>
    private static int CaseTwin(string?[] texts, string text)
    {
        for (var i = 0; i < texts.Length; i++)
        {
            if (texts[i] is { } held && held.Length == text.Length && System.Text.Ascii.EqualsIgnoreCase(held, text))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The same for a span (not cached; the array is overwritten by the next span).</summary>
    public static bool[] Passes(ReadOnlySpan<char> text)
    {
        var scratch = ScratchFor(Current());
        return Scan(text, scratch, scratch.SpanResult);
    }

    /// <summary>
    /// Lets go of the texts this thread keeps results for, so that a large message is not held alive after its inspection
    /// (the pipeline calls this when a message's inspectors are done).
    /// </summary>
    public static void Forget()
    {
        if (t_scratch is { } scratch)
        {
            Array.Clear(scratch.Texts);
        }
    }

    /// <summary>How many texts this thread keeps gate results for (tests: bounded, and released by <see cref="Forget"/>).</summary>
    internal static int HeldTexts => t_scratch is { } scratch ? scratch.Texts.Count(static t => t is not null) : 0;

    private static Scratch ScratchFor(Compiled compiled)
        => t_scratch is { } s && ReferenceEquals(s.For, compiled) ? s : t_scratch = new Scratch(compiled);

    private static bool[] Scan(ReadOnlySpan<char> text, Scratch scratch, bool[] passes)
    {
        Array.Clear(passes);
        scratch.Candidates.Clear();
        scratch.Prefilter.BeginString();
        scratch.For.Prefilter.Collect(text, scratch.Prefilter, scratch.Candidates);
        foreach (var regex in scratch.Candidates)
        {
            passes[regex] = true;
        }

        return passes;
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

        /// <summary>The texts of <see cref="Results"/>, slot by slot (null: free).</summary>
        public string?[] Texts { get; } = new string?[CachedTexts];

        public bool[][] Results { get; } = [.. Enumerable.Range(0, CachedTexts).Select(_ => new bool[compiled.Count])];

        public bool[] SpanResult { get; } = new bool[compiled.Count];

        /// <summary>The slot the next new text replaces (round robin).</summary>
        public int NextSlot { get; set; }

        public List<int> Candidates { get; } = [];
    }
}
