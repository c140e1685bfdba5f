using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// The agent→server side of prompt-injection detection: runs the same <see cref="InjectionPhrases"/> that the
/// server→agent analyser combines over every argument string of a <c>tools/call</c> or <c>prompts/get</c> (a hijacked
/// agent relaying instructions, or an agent planting them where another model will read them), and reports each family
/// under its rule (INJ-001…013) with that rule's action.
/// </summary>
/// <remarks>
/// A phrase quoted inside text that is about prompt injection (security docs, red-team notes) is a warning, not a block:
/// the quote marks show it is mentioned, not addressed to a model. Unquoted, or in text that does not discuss attacks, it blocks.
/// </remarks>
public sealed class InjectionArgumentInspector : IInspector
{
    private const string QuoteCharacters = "\"'`“”‘’«»„‚「」『』《》〈〉";

    public string Id => "INJ-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.AgentToServer || context.Message.Method is not ("tools/call" or "prompts/get"))
        {
            return;
        }

        // Per family: the strongest action found (-1: none yet); each rule is reported once, in rule order.
        var phrases = InjectionPhrases.All;
        var tool = context.ToolName;
        Span<sbyte> found = stackalloc sbyte[phrases.Count];
        found.Fill(-1);
        foreach (var s in context.Strings.Items)
        {
            if (s.Canonical.Length < 8)
            {
                continue;
            }

            bool? discussed = null;
            for (var i = 0; i < phrases.Count; i++)
            {
                var phrase = phrases[i];
                if (found[i] == (sbyte)phrase.Rule.Action)
                {
                    continue;
                }

                var text = phrase.MatchDecoded ? s.Decoded : s.Canonical;
                if (!phrase.Find(text, out var start, out _, lexiconText: s.Decoded))
                {
                    continue;
                }

                // A quoted override in text about prompt injection is an example; any unquoted occurrence still blocks. So is a phrase
                // that is only the pattern of a search in a command line (grep -c 'ignore previous instructions' agent.log): text to find.
                discussed ??= InstructionAnalyzer.DiscussionRegex.IsMatch(s.Canonical) || InjectionLexicon.Default.Finds(s.Decoded, "discussion");
                var mentioned = discussed.Value && (phrase.Signals & ~InstructionSignals.Override) == 0 && IsQuoted(text, start)
                    && !phrase.Find(text, out _, out _, IsQuoted, s.Decoded)
                    || OnlySearched(phrase, s, text, tool)
                    || LookedUpText.Is(s, tool)
                    || (ArgumentRoles.Classify(s, tool) & ArgumentRole.Command) != 0 && Shell.ShellDataPositions.WritesOnlyTestFixtures(s.Decoded);
                var action = mentioned ? FindingAction.Warn : phrase.Rule.Action;
                found[i] = (sbyte)Math.Max(found[i], (sbyte)action);
            }
        }

        for (var i = 0; i < phrases.Count; i++)
        {
            if (found[i] >= 0)
            {
                var rule = phrases[i].Rule;
                var action = (FindingAction)found[i];
                var reason = action == rule.Action ? rule.Title : rule.Title + ", quoted in text about prompt injection";
                findings.Add(new Finding(rule.Id, "L1", rule.Category, action == rule.Action ? rule.Severity : Severity.Low, action, reason));
            }
        }
    }

    /// <summary>True when <paramref name="phrase"/> occurs in a command line only inside search patterns.</summary>
    private static bool OnlySearched(InjectionPhrase phrase, Preflight.ArgumentString s, string text, string? tool)
    {
        if ((ArgumentRoles.Classify(s, tool) & ArgumentRole.Command) == 0)
        {
            return false;
        }

        var masked = Shell.ShellDataPositions.MaskSearchPatterns(text);
        return !ReferenceEquals(masked, text) && !phrase.Find(masked, out _, out _, lexiconText: Shell.ShellDataPositions.MaskSearchPatterns(s.Decoded));
    }

    /// <summary>True when a quote mark stands right before <paramref name="start"/>: the phrase is cited, not said.</summary>
    private static bool IsQuoted(string text, int start) => start > 0 && QuoteCharacters.Contains(text[start - 1]);
}
