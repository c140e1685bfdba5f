namespace McpVanguard.Inspection;

/// <summary>A rule an analyser reports under, defined beside its detector (secret formats, injection phrase families).</summary>
/// <param name="Id">Stable rule id, cited by the corpus and docs.</param>
/// <param name="Title">What the rule catches, as <c>rules list</c> prints it.</param>
/// <param name="Category">The MCP-38 category.</param>
/// <param name="Severity">How harmful a match is.</param>
/// <param name="Action">What a match proposes in the agent→server direction.</param>
public sealed record DetectorRule(string Id, string Title, string Category, Severity Severity, FindingAction Action);
