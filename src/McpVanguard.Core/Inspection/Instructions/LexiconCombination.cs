namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// Concepts of the multilingual lexicon that together make one kind of instruction ("ignore" + "instructions" +
/// "previous", in any of the lexicon's languages): each group must have a term within <see cref="Window"/> characters
/// of text between them.
/// </summary>
/// <param name="Id">The combination's name in <c>InjectionLexicon.yaml</c>.</param>
/// <param name="Groups">Per required concept, the concept ids any of which satisfies it.</param>
/// <param name="Window">Most characters of other text allowed between the matched terms.</param>
/// <param name="UnlessNear">A concept whose term touching the first group's term vetoes it ("don't forget"); −1 when none.</param>
/// <param name="Signals">What a match is, server→agent.</param>
/// <param name="RuleId">The INJ rule a match reports in the agent's arguments, or null when it is a server→agent signal only.</param>
public sealed record LexiconCombination(string Id, int[][] Groups, int Window, int UnlessNear, InstructionSignals Signals, string? RuleId);
