using System.Buffers;
using System.Text.RegularExpressions;

namespace McpVanguard.Inspection;

/// <summary>
/// One analyser regex (pattern and options) with its literal gate: text that holds none of <see cref="Literals"/> cannot
/// match, so it never reaches the regex, and the regex is built only the first time some text passes the gate.
/// </summary>
/// <remarks>
/// Every match of the pattern must contain at least one literal (compared ignoring case); the analysers' tests check this
/// for every match example. An empty literal list means "no gate": the regex runs on every text.
/// </remarks>
public sealed class PrefilteredRegex
{
    private SearchValues<string>? _gate;
    private Regex? _regex;

    public PrefilteredRegex(string pattern, RegexOptions options, params string[] literals)
    {
        Pattern = pattern;
        Options = options;
        Literals = literals;
    }

    public string Pattern { get; }

    public RegexOptions Options { get; }

    /// <summary>Strings at least one of which every match contains (ignoring case).</summary>
    public IReadOnlyList<string> Literals { get; }

    /// <summary>True once the regex has been built (it is built on the first text that passes the gate).</summary>
    public bool IsBuilt => Volatile.Read(ref _regex) is not null;

    /// <summary>The regex, built on first use (thread-safe; a race builds it twice and keeps one).</summary>
    public Regex Regex => Volatile.Read(ref _regex) ?? Interlocked.CompareExchange(ref _regex, new Regex(Pattern, Options), null) ?? _regex!;

    /// <summary>False when <paramref name="text"/> holds none of the literals, so the pattern cannot match it.</summary>
    public bool MayMatch(ReadOnlySpan<char> text)
    {
        if (Literals.Count == 0)
        {
            return true;
        }

        var gate = Volatile.Read(ref _gate) ?? Interlocked.CompareExchange(ref _gate, SearchValues.Create([.. Literals], StringComparison.OrdinalIgnoreCase), null) ?? _gate!;
        return text.ContainsAny(gate);
    }

    /// <summary>True when the pattern matches somewhere in <paramref name="text"/> (the gate first).</summary>
    public bool IsMatch(ReadOnlySpan<char> text) => MayMatch(text) && Regex.IsMatch(text);
}
