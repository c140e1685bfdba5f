namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// One family of prompt-injection phrasing, defined once for both directions: in the agent's arguments it reports
/// <see cref="Rule"/>; in what a server sends it adds <see cref="Signals"/> to the <see cref="InstructionAnalyzer"/>'s
/// combination. It matches when any of its <see cref="Patterns"/> or <see cref="Pairs"/> does.
/// </summary>
/// <param name="Rule">The rule reported in arguments.</param>
/// <param name="Signals">The kinds of instruction a match is, server→agent.</param>
/// <param name="Patterns">Gated regexes, each sufficient alone.</param>
/// <param name="Pairs">Regex pairs joined by distance, each sufficient alone.</param>
/// <param name="Lexicon">Combinations of the multilingual lexicon (<see cref="InjectionLexicon"/>), each sufficient alone.</param>
/// <param name="MatchDecoded">
/// True when arguments are matched on the decoded copy (case kept, no confusable folding) instead of the canonical one:
/// the canonical copy may fold Cyrillic look-alikes to Latin in mixed-script text. The patterns then ignore case.
/// </param>
public sealed record InjectionPhrase(DetectorRule Rule, InstructionSignals Signals, PrefilteredRegex[] Patterns, RegexPair[] Pairs, bool MatchDecoded = false, LexiconCombination[]? Lexicon = null)
{
    /// <summary>
    /// True when the family occurs in <paramref name="text"/>; <paramref name="start"/>/<paramref name="end"/> bound the
    /// first match found. Matches that <paramref name="ignore"/> accepts (given the text and the match start) are skipped.
    /// The lexicon reads <paramref name="lexiconText"/> when given: the decoded copy, whose Cyrillic the canonical copy may
    /// have folded to Latin look-alikes (the two have the same length, so positions agree).
    /// </summary>
    public bool Find(string text, out int start, out int end, Func<string, int, bool>? ignore = null, string? lexiconText = null)
    {
        foreach (var pattern in Patterns)
        {
            if (pattern.MayMatch(text))
            {
                foreach (var m in pattern.EnumerateMatches(text))
                {
                    if (ignore is null || !ignore(text, m.Index))
                    {
                        start = m.Index;
                        end = m.Index + m.Length;
                        return true;
                    }
                }
            }
        }

        foreach (var pair in Pairs)
        {
            if (pair.Find(text, out start, out end, ignore))
            {
                return true;
            }
        }

        if (Lexicon is { Length: > 0 })
        {
            var matches = InjectionLexicon.Default.Scan(lexiconText ?? text);
            foreach (var combination in Lexicon)
            {
                if (matches.Find(combination, out start, out end, ignore is null ? null : at => ignore(text, at)))
                {
                    return true;
                }
            }
        }

        start = -1;
        end = -1;
        return false;
    }
}
