namespace McpVanguard.Taxonomy;

/// <summary>
/// The OWASP MCP Top 10 (2025 edition, beta, owasp.org/www-project-mcp-top-10), the second axis rules and cases carry
/// (<c>owasp_mcp: MCP05</c>, or <c>none</c> where no item fits).
/// </summary>
public static class OwaspMcpTop10
{
    /// <summary>The edition the ids refer to.</summary>
    public const string Edition = "OWASP MCP Top 10 2025 (beta)";

    /// <summary>The value a rule or case carries when no item fits.</summary>
    public const string None = "none";

    /// <summary>Id → title, in order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Items { get; } =
    [
        new("MCP01", "Token Mismanagement & Secret Exposure"),
        new("MCP02", "Privilege Escalation via Scope Creep"),
        new("MCP03", "Tool Poisoning"),
        new("MCP04", "Software Supply Chain Attacks & Dependency Tampering"),
        new("MCP05", "Command Injection & Execution"),
        new("MCP06", "Prompt Injection via Contextual Payloads"),
        new("MCP07", "Insufficient Authentication & Authorization"),
        new("MCP08", "Lack of Audit and Telemetry"),
        new("MCP09", "Shadow MCP Servers"),
        new("MCP10", "Context Injection & Over-Sharing"),
    ];

    /// <summary>True for MCP01…MCP10 (not for <see cref="None"/>).</summary>
    public static bool IsId(string? value) => value is { Length: 5 } && Items.Any(i => i.Key == value);
}
