namespace McpVanguard.Inspection.Rules;

/// <summary>The keys a rules directory set on an existing rule by a partial override (an entry with its id and no pattern).</summary>
[Flags]
public enum RuleOverrides
{
    None = 0,
    Enabled = 1,
    Action = 2,
    Severity = 4,
    Profiles = 8,
    Title = 16,
    Description = 32,
}
