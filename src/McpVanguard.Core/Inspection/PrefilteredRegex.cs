using System.Text.RegularExpressions;
using McpVanguard.Inspection.Rules;

namespace McpVanguard.Inspection;

/// <summary>
/// One analyser regex with its literal gate: the literals every match must contain are worked out from the pattern
/// (<see cref="RequiredLiterals"/>), text holding none of them never reaches the regex, and the regex is built only when
/// some text passes the gate, through the bounded <see cref="RegexCache"/>.
/// </summary>
public sealed class PrefilteredRegex
{
    private readonly LazyRegex _regex;
    private readonly int _gateIndex;

    /// <param name="options">Options besides NonBacktracking (always used).</param>
    public PrefilteredRegex(string pattern, RegexOptions options)
    {
        Pattern = pattern;
        _regex = new LazyRegex(pattern, options);
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

    /// <summary>The regex, built now if it is not built.</summary>
    public Regex Regex => _regex.Value;

    /// <summary>False when <paramref name="text"/> lacks a literal of some set, so the pattern cannot match it.</summary>
    public bool MayMatch(string text) => _gateIndex < 0 || AnalyzerGates.Passes(text)[_gateIndex];

    /// <summary>The same for a span.</summary>
    public bool MayMatch(ReadOnlySpan<char> text) => _gateIndex < 0 || AnalyzerGates.Passes(text)[_gateIndex];

    /// <summary>The same, given <see cref="AnalyzerGates.Passes(string)"/> of the text: for callers that test many regexes on one text.</summary>
    public bool MayMatch(bool[] gatePasses) => _gateIndex < 0 || gatePasses[_gateIndex];

    /// <summary>True when the pattern matches somewhere in <paramref name="text"/> (the gate first).</summary>
    public bool IsMatch(string text) => MayMatch(text) && Regex.IsMatch(text);

    /// <summary>The same for a span.</summary>
    public bool IsMatch(ReadOnlySpan<char> text) => MayMatch(text) && Regex.IsMatch(text);
}
