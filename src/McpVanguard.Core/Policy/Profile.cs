namespace McpVanguard.Policy;

/// <summary>How hard vanguard enforces: <c>monitor</c> only audits, <c>balanced</c> blocks clear attacks, <c>strict</c> also blocks risky patterns.</summary>
public enum Profile
{
    Monitor,
    Balanced,
    Strict,
}
