namespace McpVanguard.Dashboard.Pages;

/// <summary>What the Rules page and a record's detail show of one loaded rule (signature or analyser finding id).</summary>
/// <param name="Category">The MCP-38 category (MCP-00 … MCP-38) the rule belongs to.</param>
public sealed record RuleInfo(string Id, string Title, string Category, string Severity, string Action, bool Enabled, string Kind);
