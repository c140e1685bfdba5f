namespace McpVanguard.Inspection.Instructions;

/// <summary>The rule a prompt-injection phrase family reports under when it is found in the agent's arguments (INJ-xxx).</summary>
/// <param name="Id">Stable rule id, cited by the corpus and docs.</param>
/// <param name="Title">What the rule catches, as <c>rules list</c> prints it.</param>
/// <param name="Category">The MCP-38 category.</param>
/// <param name="Severity">How harmful a match is.</param>
/// <param name="Action">What a match proposes in the agent→server direction.</param>
public sealed record InjectionRule(string Id, string Title, string Category, Severity Severity, FindingAction Action)
{
    public static readonly InjectionRule Override = new("INJ-001", "Instruction override (\"ignore previous instructions\")", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly InjectionRule JailbreakPersona = new("INJ-002", "Jailbreak persona (\"you are now DAN\")", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly InjectionRule ChatTemplate = new("INJ-003", "Chat-template or system-prompt markers", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly InjectionRule RoleReassignment = new("INJ-004", "System-prompt override or role reassignment", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly InjectionRule SecretExfiltration = new("INJ-005", "Instruction to exfiltrate secrets", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly InjectionRule Concealment = new("INJ-006", "Concealment from the user", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly InjectionRule PriorityTags = new("INJ-007", "Fake tool-output or priority tags", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly InjectionRule PromptExtraction = new("INJ-008", "System-prompt extraction request", "MCP-19", Severity.Medium, FindingAction.Warn);
    public static readonly InjectionRule SafetyBypass = new("INJ-009", "Safety-bypass framing", "MCP-19", Severity.Medium, FindingAction.Warn);
    public static readonly InjectionRule EncodedInstruction = new("INJ-010", "Encoded instruction to decode and obey", "MCP-19", Severity.Medium, FindingAction.Warn);
    public static readonly InjectionRule AiComment = new("INJ-011", "Hidden HTML or markdown comment addressed to an AI reader", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly InjectionRule ForeignOverride = new("INJ-012", "Instruction override in another language", "MCP-19", Severity.High, FindingAction.Block);
    public static readonly InjectionRule RussianOverride = new("INJ-013", "Instruction override in Russian (Cyrillic)", "MCP-19", Severity.High, FindingAction.Block);

    /// <summary>Every rule of this catalog, in id order (for <c>rules list</c> and the analyser catalog).</summary>
    public static IReadOnlyList<InjectionRule> All { get; } =
    [
        Override, JailbreakPersona, ChatTemplate, RoleReassignment, SecretExfiltration, Concealment, PriorityTags,
        PromptExtraction, SafetyBypass, EncodedInstruction, AiComment, ForeignOverride, RussianOverride,
    ];
}
