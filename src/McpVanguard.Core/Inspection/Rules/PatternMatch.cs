namespace McpVanguard.Inspection.Rules;

/// <summary>Where one match of an analyser pattern lies in the text it was found in.</summary>
public readonly record struct PatternMatch(int Index, int Length);
