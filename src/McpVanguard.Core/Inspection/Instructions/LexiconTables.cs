namespace McpVanguard.Inspection.Instructions;

/// <summary>
/// What <c>InjectionLexicon.yaml</c> parses to, before its automaton is built: read from the YAML at run time, or from
/// the engine's table image (<see cref="Tables.TableImage"/>) when that was built from the same bytes.
/// </summary>
/// <param name="Concepts">The concept names, by id.</param>
/// <param name="Marked">The folded terms, by literal id (the automaton's literals).</param>
/// <param name="Literals">Per literal: its concepts, and whether a word boundary must precede and follow it.</param>
/// <param name="Combinations">Every combination, in file order.</param>
internal sealed record LexiconTables(string[] Concepts, string[] Marked, (int[] Concepts, bool Start, bool End)[] Literals, LexiconCombination[] Combinations);
