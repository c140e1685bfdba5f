using McpVanguard.Inspection.Instructions;

namespace McpVanguard.Inspection.Semantic;

/// <summary>
/// L2's cheap pre-test for server text that L1 let through: does it read like an instruction to the model? Two different
/// concepts of the multilingual injection lexicon (the one L1's instruction analysers use) in one text, where one of them
/// addresses or steers the model ("before using this tool", "the assistant must", "without telling the user", "always",
/// "instead"). One concept alone is everyday prose ("send", "read", "password"); two, one of them steering, is rare in
/// tool output and is exactly the shape a paraphrased injection cannot avoid.
/// </summary>
internal static class InstructionCues
{
    /// <summary>Concepts that steer or address the model: at least one must be present.</summary>
    private static readonly int[] Steering = Ids(
        "override_verb", "secretly", "model_address", "sequencing", "urgency", "exclusive_tool", "next_request");

    /// <summary>Concepts that say what the model is steered to do or touch.</summary>
    private static readonly int[] Acts = Ids(
        "tell_verb", "send_verb", "read_verb", "move_verb", "secret_target", "conversation_target", "credential_ask", "instruction_noun", "user_noun", "act_verb");

    /// <summary>Whether <paramref name="text"/> carries a steering concept and one more concept of either set.</summary>
    public static bool Present(string text)
    {
        var matches = InjectionLexicon.Default.Scan(text);
        if (matches.IsEmpty)
        {
            return false;
        }

        var steering = 0;
        foreach (var id in Steering)
        {
            steering += matches.Has(id) ? 1 : 0;
        }

        if (steering == 0)
        {
            return false;
        }

        if (steering >= 2)
        {
            return true;
        }

        foreach (var id in Acts)
        {
            if (matches.Has(id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> carries any steering concept: the weaker test for tool descriptions, whose job is to
    /// tell the model how to use a tool, so an instruction in them needs no second concept to look like one.
    /// </summary>
    public static bool Steers(string text)
    {
        var matches = InjectionLexicon.Default.Scan(text);
        if (matches.IsEmpty)
        {
            return false;
        }

        foreach (var id in Steering)
        {
            if (matches.Has(id))
            {
                return true;
            }
        }

        return false;
    }

    private static int[] Ids(params string[] names) => [.. names.Select(InjectionLexicon.Default.ConceptId)];
}
