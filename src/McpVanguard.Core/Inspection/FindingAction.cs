namespace McpVanguard.Inspection;

/// <summary>The action a finding proposes; the policy composer turns all proposals into one verdict.</summary>
public enum FindingAction
{
    /// <summary>Record only.</summary>
    Log,
    Warn,
    Review,
    Redact,
    Block,
}
