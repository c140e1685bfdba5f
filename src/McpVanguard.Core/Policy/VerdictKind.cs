namespace McpVanguard.Policy;

/// <summary>The one decision taken about a message, from mildest to strongest.</summary>
public enum VerdictKind
{
    Allow,
    Warn,
    Redact,
    Review,
    ShadowBlock,
    Block,
}
