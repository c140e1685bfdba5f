namespace McpVanguard.Inspection.Instructions;

/// <summary>The prompt-injection phrase families' rules (INJ-xxx), reported in arguments and used as signals in what servers send. The catalog (<c>Rules/analyzers.yaml</c>) lists the same ids; a test keeps the two equal.</summary>
public static class InjectionRules
{
    public static readonly DetectorRule Override = new("INJ-001", "Instruction override (\"ignore previous instructions\")", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly DetectorRule JailbreakPersona = new("INJ-002", "Jailbreak persona (\"you are now DAN\")", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly DetectorRule ChatTemplate = new("INJ-003", "Chat-template or system-prompt markers", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly DetectorRule RoleReassignment = new("INJ-004", "System-prompt override or role reassignment", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly DetectorRule SecretExfiltration = new("INJ-005", "Instruction to exfiltrate secrets", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly DetectorRule Concealment = new("INJ-006", "Concealment from the user", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly DetectorRule PriorityTags = new("INJ-007", "Fake tool-output or priority tags", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly DetectorRule PromptExtraction = new("INJ-008", "System-prompt extraction request", "MCP-19", Severity.Medium, FindingAction.Warn);
    public static readonly DetectorRule SafetyBypass = new("INJ-009", "Safety-bypass framing", "MCP-19", Severity.Medium, FindingAction.Warn);
    public static readonly DetectorRule EncodedInstruction = new("INJ-010", "Encoded instruction to decode and obey", "MCP-19", Severity.Medium, FindingAction.Warn);
    public static readonly DetectorRule AiComment = new("INJ-011", "Hidden HTML or markdown comment addressed to an AI reader", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly DetectorRule ForeignOverride = new("INJ-012", "Instruction override in any language (multilingual lexicon)", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly DetectorRule RussianOverride = new("INJ-013", "Instruction override in Russian (Cyrillic)", "MCP-19", Severity.High, FindingAction.Block);

    /// <summary>Every rule of this catalog, in id order (for <c>rules list</c> and the analyser catalog).</summary>
    public static IReadOnlyList<DetectorRule> All { get; } =
    [
        Override, JailbreakPersona, ChatTemplate, RoleReassignment, SecretExfiltration, Concealment, PriorityTags,
        PromptExtraction, SafetyBypass, EncodedInstruction, AiComment, ForeignOverride, RussianOverride,
    ];
}
