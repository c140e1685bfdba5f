using System.Text.RegularExpressions;
using McpVanguard.Inspection.Rules;

namespace McpVanguard.Inspection;

/// <summary>
/// An analyser pattern without a literal gate: run as its <see cref="PhrasePattern"/> when it is a phrase list in disguise,
/// otherwise by its NonBacktracking regex built on first use through the bounded <see cref="RegexCache"/>. A static
/// <see cref="Regex"/> field costs its whole automaton (0.4–5 MiB, 10–80 ms of CPU) when its type is first touched,
/// which a <c>tools/list</c> of ordinary tools does; this costs a few KiB.
/// </summary>
public sealed class LinearPattern
{
    private readonly LazyRegex _regex;
    private readonly PhrasePattern? _phrase;

    /// <param name="options">Options besides NonBacktracking (always used).</param>
    public LinearPattern(string pattern, RegexOptions options)
    {
        Pattern = pattern;
        _regex = new LazyRegex(pattern, options);
        _phrase = PhrasePattern.TryCreate(pattern, _regex.Options);
    }

    public string Pattern { get; }

    public RegexOptions Options => _regex.Options;

    /// <summary>True when the pattern runs as a phrase program and builds its regex only for a caller that reads captures.</summary>
    public bool IsPhraseList => _phrase is not null;

    /// <summary>True while the regex is built and held by the cache.</summary>
    public bool IsBuilt => _regex.IsBuilt;

    /// <summary>The regex, built now if it is not built: only for callers that read captures.</summary>
    public Regex Regex => _regex.Value;

    public bool IsMatch(ReadOnlySpan<char> text) => _phrase is not null ? _phrase.IsMatch(text) : Regex.IsMatch(text);

    /// <summary>Every match, left to right, as <see cref="Regex.EnumerateMatches(ReadOnlySpan{char})"/> yields them.</summary>
    public PhrasePattern.PatternMatchEnumerator EnumerateMatches(ReadOnlySpan<char> text)
        => _phrase is not null ? _phrase.EnumerateMatches(text) : new PhrasePattern.PatternMatchEnumerator(null, Regex, text);
}
