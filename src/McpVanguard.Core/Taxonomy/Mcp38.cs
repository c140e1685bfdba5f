namespace McpVanguard.Taxonomy;

/// <summary>
/// The 38 threats of MCP-38 (Shen, Toyoda, Leung, arXiv:2603.18063, v1.0, CC BY 4.0) with the paper's own ids: every rule,
/// analyser finding and corpus case carries one of them as its <c>category</c> (and optionally a <c>secondary</c>).
/// </summary>
public static class Mcp38
{
    /// <summary>The citation reports name.</summary>
    public const string Source = "MCP-38 v1.0 (Shen, Toyoda, Leung; arXiv:2603.18063, 2026)";

    /// <summary>Every threat, in id order.</summary>
    public static IReadOnlyList<Mcp38Threat> Threats { get; } =
    [
        new("MCP-01", "Identity Spoofing / Improper Authentication", "S", "LLM02, LLM06", "ASI03"),
        new("MCP-02", "Credential Theft / Token Theft", "S/I", "LLM02", "ASI03"),
        new("MCP-03", "Replay Attacks / Session Hijacking", "S/R", "LLM05", "ASI07, ASI09"),
        new("MCP-04", "Privilege Escalation & Confused Deputy", "T/E", "LLM06", "ASI02, ASI03"),
        new("MCP-05", "Excessive Permissions / Overexposure", "E", "LLM06", "ASI02"),
        new("MCP-06", "Improper Multitenancy & Isolation Failure", "I/E", "LLM08", "ASI08"),
        new("MCP-07", "Command Injection", "T/E", "LLM05", "ASI05"),
        new("MCP-08", "File System Exposure / Path Traversal", "I", "LLM05", "ASI05"),
        new("MCP-09", "Traditional Web Vulnerabilities (SSRF, XSS)", "T/I/D", "LLM01", "ASI01, ASI05"),
        new("MCP-10", "Tool Description Poisoning", "T", "LLM03", "ASI04"),
        new("MCP-11", "Full Schema Poisoning (FSP)", "T", "LLM04", "ASI06"),
        new("MCP-12", "Resource Content Poisoning", "T", "LLM04", "ASI01, ASI06"),
        new("MCP-13", "Tool Shadowing / Name Spoofing", "S/E", "LLM03", "ASI04"),
        new("MCP-14", "Cross-Server Tool Shadowing", "S/E", "LLM03", "ASI04"),
        new("MCP-15", "Preference Manipulation Attack (MPMA)", "T", "LLM01, LLM03", "ASI01, ASI04"),
        new("MCP-16", "Rug Pull / Dynamic Behavior Change", "T/R", "LLM03", "ASI04"),
        new("MCP-17", "Parasitic Toolchain / Connector Chaining", "T/D", "LLM05, LLM06", "ASI02"),
        new("MCP-18", "Shadow MCP Servers", "S/I", "LLM03", "ASI04"),
        new("MCP-19", "Prompt Injection (Direct)", "I", "LLM01", "ASI01"),
        new("MCP-20", "Prompt Injection (Indirect via Data)", "I", "LLM01, LLM04", "ASI01, ASI06"),
        new("MCP-21", "Overreliance on LLM Safeguards", "E", "LLM09", "ASI09"),
        new("MCP-22", "Insecure Human-in-the-Loop Bypass", "E", "LLM06", "ASI09"),
        new("MCP-23", "Consent / Approval Fatigue", "E", "LLM06", "ASI09"),
        new("MCP-24", "Data Exfiltration via Tool Output", "I", "LLM02", "ASI02"),
        new("MCP-25", "Privacy Inversion / Data Aggregation Leakage", "I", "LLM02", "ASI06"),
        new("MCP-26", "Supply Chain Compromise", "T/S", "LLM03", "ASI04"),
        new("MCP-27", "Missing Integrity Verification", "T", "LLM03", "ASI04"),
        new("MCP-28", "Man-in-the-Middle / Transport Tampering", "T/I", "LLM02, LLM07", "ASI07"),
        new("MCP-29", "Protocol Gaps / Weak Transport Security", "S/T/D", "LLM02, LLM07", "ASI07"),
        new("MCP-30", "Insecure stdio Descriptor Handling", "T", "LLM05", "ASI05"),
        new("MCP-31", "MCP Endpoint / DNS Rebinding", "S", "LLM03", "ASI04"),
        new("MCP-32", "Unrestricted Network Access & Lateral Movement", "I/E", "LLM06", "ASI08"),
        new("MCP-33", "Resource Exhaustion / Denial of Wallet", "D", "LLM10", "ASI08"),
        new("MCP-34", "Tool Manifest Reconnaissance", "I", "LLM03", "ASI04"),
        new("MCP-35", "Planning / Agent Logic Drift", "T", "LLM09", "ASI01, ASI10"),
        new("MCP-36", "Multi-Agent Context Hijacking", "T", "LLM01", "ASI07"),
        new("MCP-37", "Sandbox Escape", "E", "LLM05", "ASI05"),
        new("MCP-38", "Invisible Agent Activity / No Observability", "R", "LLM06", "ASI10"),
    ];

    /// <summary>True for MCP-01 … MCP-38 exactly as the paper spells them.</summary>
    public static bool IsId(string? value)
        => value is { Length: 6 } && value.StartsWith("MCP-", StringComparison.Ordinal) && int.TryParse(value.AsSpan(4), System.Globalization.NumberStyles.None, null, out var n) && n is >= 1 and <= 38;
}
