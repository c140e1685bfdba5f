namespace McpVanguard.Inspection.Instructions;

// How text about attacks is told from an attack that borrows its words (twelfth pass, fixs2a12).
public static partial class InstructionAnalyzer
{
    /// <summary>Depth passed when the analyser re-reads a copy of the text for <see cref="RefineDiscussion"/>: no decoding, no refining.</summary>
    private const int RereadDepth = -1;

    /// <summary>Longest quotation blanked; a quote mark left open does not swallow the rest of a long text.</summary>
    private const int MaxQuotation = 600;

    /// <summary>
    /// Keeps <see cref="InstructionSignals.Discussion"/> only when a discussion marker is a word of the text, not part of an e-mail
    /// address ("attaquant@example.net"), and drops <see cref="InstructionSignals.ModelAddressed"/> when the only address to
    /// the model is inside a quotation (an advisory citing "AI agent: ignore previous instructions …"): quoted, it is reported.
    /// </summary>
    private static InstructionSignals RefineDiscussion(InstructionSignals signals, string canonical, string lexiconText, int depth)
    {
        if (depth == RereadDepth || lexiconText.Length != canonical.Length)
        {
            return signals;
        }

        if (canonical.Contains('@'))
        {
            var plainCanonical = TextBlanking.Addresses(canonical, canonical);
            var plainLexicon = TextBlanking.Addresses(canonical, lexiconText);
            if (!DiscussionRegex.IsMatch(plainCanonical) && !InjectionLexicon.Default.Finds(plainLexicon, "discussion"))
            {
                return signals & ~InstructionSignals.Discussion;
            }
        }

        if ((signals & InstructionSignals.ModelAddressed) != 0 && TextBlanking.HasQuotation(canonical))
        {
            var unquotedCanonical = TextBlanking.Quotations(canonical, canonical, MaxQuotation);
            var unquotedLexicon = TextBlanking.Quotations(canonical, lexiconText, MaxQuotation);
            var namesTool = false;
            var outside = Analyze(unquotedCanonical, unquotedLexicon, null, RereadDepth, ref namesTool, out _, out _);
            if ((outside & InstructionSignals.ModelAddressed) == 0)
            {
                return signals & ~InstructionSignals.ModelAddressed;
            }
        }

        return signals;
    }
}
