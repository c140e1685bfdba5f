using System.Text.RegularExpressions;
using McpVanguard.Inspection.Rules;

namespace McpVanguard.Inspection;

/// <summary>
/// One analyser regex with its literal gate: the literals every match must contain are worked out from the pattern
/// (<see cref="RequiredLiterals"/>), text holding none of them never reaches the regex, and the regex is built only when
/// some text passes the gate, through the bounded <see cref="RegexCache"/>. A pattern that is a phrase list in disguise
/// (<see cref="PhrasePattern"/>: words, alternations, optional words, <c>\s</c> runs, <c>\b</c>) never builds a regex
/// for matching, whatever the text's length: its phrase program finds the same matches for a few KiB instead of megabytes
/// of automaton.
/// </summary>
public sealed class PrefilteredRegex
{
    private readonly LazyRegex _regex;
    private readonly PhrasePattern? _phrase;
    private readonly int _gateIndex;

    /// <param name="options">Options besides NonBacktracking (always used).</param>
    public PrefilteredRegex(string pattern, RegexOptions options)
    {
        Pattern = pattern;
        _regex = new LazyRegex(pattern, options);
        _phrase = PhrasePattern.TryCreate(pattern, _regex.Options);
        LiteralSets = RequiredLiterals.ExtractAll(pattern);

        // The literals are lower-cased and found ignoring case, so the gates also hold for case-sensitive patterns.
        _gateIndex = LiteralSets.Count == 0 ? -1 : AnalyzerGates.Register(this);
    }

    public string Pattern { get; }

    public RegexOptions Options => _regex.Options;

    /// <summary>The most selective set of lower-cased strings at least one of which every match contains; empty when none could be worked out (no gate).</summary>
    public IReadOnlyList<string> Literals => LiteralSets is [var best, ..] ? best : [];

    /// <summary>Every match contains a literal of each set; the gate passes a text only when it holds one of each.</summary>
    public IReadOnlyList<IReadOnlyList<string>> LiteralSets { get; }

    /// <summary>True while the regex is built and held by the cache.</summary>
    public bool IsBuilt => _regex.IsBuilt;

    /// <summary>True when the pattern runs as a phrase program and never needs its regex (unless a caller asks for captures).</summary>
    public bool IsPhraseList => _phrase is not null;

    /// <summary>The regex, built now if it is not built: only for callers that read captures (matching goes through the methods below).</summary>
    public Regex Regex => _regex.Value;

    /// <summary>False when <paramref name="text"/> lacks a literal of some set, so the pattern cannot match it.</summary>
    public bool MayMatch(string text) => _gateIndex < 0 || AnalyzerGates.Passes(text)[_gateIndex];

    /// <summary>The same for a span.</summary>
    public bool MayMatch(ReadOnlySpan<char> text) => _gateIndex < 0 || AnalyzerGates.Passes(text)[_gateIndex];

    /// <summary>The same, given <see cref="AnalyzerGates.Passes(string)"/> of the text: for callers that test many regexes on one text.</summary>
    /// <remarks>
    /// A regex registered after <paramref name="gatePasses"/> was computed (an analyser class first touched meanwhile, on
    /// another thread or by the caller) has no entry yet: its gate counts as passed, so the pattern itself decides.
    /// </remarks>
    public bool MayMatch(bool[] gatePasses) => _gateIndex < 0 || _gateIndex >= gatePasses.Length || gatePasses[_gateIndex];

    /// <summary>True when the pattern matches somewhere in <paramref name="text"/> (the gate first).</summary>
    public bool IsMatch(string text) => MayMatch(text) && IsMatchUngated(text);

    /// <summary>The same for a span.</summary>
    public bool IsMatch(ReadOnlySpan<char> text) => MayMatch(text) && IsMatchUngated(text);

    /// <summary>True when the pattern matches, without the gate: for a short span of a text the caller has gated already.</summary>
    public bool IsMatchUngated(ReadOnlySpan<char> text)
        => _phrase is not null ? _phrase.IsMatch(text) : BranchesMayMatch(text) && Regex.IsMatch(text);

    /// <summary>Every match, left to right (no gate: call <see cref="MayMatch(string)"/> first).</summary>
    public PhrasePattern.PatternMatchEnumerator EnumerateMatches(ReadOnlySpan<char> text)
        => _phrase is not null ? _phrase.EnumerateMatches(text)
            : new PhrasePattern.PatternMatchEnumerator(null, BranchesMayMatch(text) ? Regex : null, text);

    /// <summary>
    /// Before the regex is built or run: false when no top-level alternative's literals all occur in the text
    /// (<see cref="BranchGate"/>), so the pattern cannot match. The alternatives' gate is worked out on the first such call.
    /// </summary>
    private bool BranchesMayMatch(ReadOnlySpan<char> text)
    {
        var gate = _branchGate;
        if (gate is null)
        {
            gate = OneOffCost.Measure(() => (object?)BranchGate.TryCreate(Pattern) ?? NoBranchGate);
            _branchGate = gate;
        }

        return gate is not BranchGate branches || branches.MayMatch(text);
    }

    /// <summary>Stands for "the alternatives add nothing to the whole-pattern gate" once that is known.</summary>
    private static readonly object NoBranchGate = new();

    /// <summary>The <see cref="BranchGate"/>, <see cref="NoBranchGate"/>, or null until the first regex run asks (a benign race: both builders agree).</summary>
    private volatile object? _branchGate;
}
