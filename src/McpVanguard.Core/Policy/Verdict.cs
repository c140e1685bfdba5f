using McpVanguard.Inspection;

namespace McpVanguard.Policy;

/// <summary>The policy composer's decision about one message, with every finding that led to it.</summary>
public sealed record Verdict(VerdictKind Kind, IReadOnlyList<Finding> Findings, string? Reason)
{
    public static Verdict Allowed { get; } = new(VerdictKind.Allow, [], null);

    /// <summary>True when the message must not be forwarded.</summary>
    public bool Blocks => Kind == VerdictKind.Block;

    private IReadOnlyList<string>? _ruleIds;

    /// <summary>The ids of the findings, in the order they were found (computed once: a refusal reads them several times).</summary>
    public IReadOnlyList<string> RuleIds => _ruleIds ??= Findings.Select(f => f.RuleId).Distinct().ToArray();

    /// <summary>The edits a redact verdict applies to the forwarded message (empty for every other verdict).</summary>
    public IReadOnlyList<MessageEdit> Edits => Kind == VerdictKind.Redact ? [.. Findings.Where(static f => f.Edit is not null).Select(static f => f.Edit!)] : [];

    /// <summary>The replay/audit spelling of the verdict (<c>allow</c>, <c>warn</c>, <c>redact</c>, <c>review</c>, <c>shadow-block</c>, <c>block</c>).</summary>
    public string Label => Kind switch
    {
        VerdictKind.Allow => "allow",
        VerdictKind.Warn => "warn",
        VerdictKind.Redact => "redact",
        VerdictKind.Review => "review",
        VerdictKind.ShadowBlock => "shadow-block",
        _ => "block",
    };
}
