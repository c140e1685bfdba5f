namespace McpVanguard.Inspection;

/// <summary>How much harm a finding suggests.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}
