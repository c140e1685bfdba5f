namespace McpVanguard.Inspection.Access;

/// <summary>Whether a caller may use a tool on a server, and why (names the rule; never a credential).</summary>
public sealed record AccessDecision(bool Allowed, string Reason);
