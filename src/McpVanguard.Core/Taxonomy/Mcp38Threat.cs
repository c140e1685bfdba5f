namespace McpVanguard.Taxonomy;

/// <summary>One threat of the published MCP-38 taxonomy (arXiv:2603.18063, Table 3) with its OWASP LLM 2025 and Agentic 2026 codes (Table 4).</summary>
public sealed record Mcp38Threat(string Id, string Name, string Stride, string OwaspLlm, string OwaspAgentic);
