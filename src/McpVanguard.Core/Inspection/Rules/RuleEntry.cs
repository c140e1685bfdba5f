namespace McpVanguard.Inspection.Rules;

/// <summary>One parsed entry of a rules file: a whole rule (<paramref name="Definition"/>) or a partial override of an existing id.</summary>
internal sealed record RuleEntry(string Id, string Source, int Line, Rule? Definition, RuleOverride? Override);
