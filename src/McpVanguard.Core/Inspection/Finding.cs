namespace McpVanguard.Inspection;

/// <summary>One thing an inspector noticed about a message.</summary>
/// <param name="RuleId">Stable id of the rule or detector (for example <c>FS-001</c>, <c>SHELL-003</c>).</param>
/// <param name="Layer">The layer that produced it (<c>L0</c>, <c>L1</c>, …).</param>
/// <param name="Category">The MCP-38 category (for example <c>MCP-08</c>).</param>
/// <param name="Severity">How harmful the match is.</param>
/// <param name="Action">What the inspector proposes.</param>
/// <param name="Reason">A short human reason; never contains argument values that could be secrets.</param>
public sealed record Finding(string RuleId, string Layer, string Category, Severity Severity, FindingAction Action, string Reason)
{
    /// <summary>
    /// For a <see cref="FindingAction.Redact"/> finding: the change it asks for (a redacted span, a dropped tool). The
    /// relay applies the edits of a redact verdict and audits them; a redact finding without an edit is a block.
    /// </summary>
    public Policy.MessageEdit? Edit { get; init; }

    /// <summary>Where the finding was made (a secret, an injected instruction), when the detector knows; a redaction is derived from it.</summary>
    public FindingLocation? Location { get; init; }

    /// <summary>For an L2 finding: the provider, model, score, threshold, latency and reason (never the scored text), audited and replayed.</summary>
    public Semantic.SemanticEvidence? Semantic { get; init; }

    /// <summary>A tool this finding quarantines for the rest of the session: hidden from lists, calls to it refused.</summary>
    public string? QuarantineTool { get; init; }
}
