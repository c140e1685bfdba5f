namespace McpVanguard.Taxonomy;

/// <summary>What addresses one MCP-38 threat apart from the rule catalog: controls (authentication, pinning, audit…), a status and why.</summary>
public sealed record ThreatCoverage(string ThreatId, CoverageStatus Status, IReadOnlyList<string> Controls, string Note);
