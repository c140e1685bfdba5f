namespace McpVanguard.Inspection.Rules;

/// <summary>Per-thread working memory of one <see cref="RuleInspector"/>: its prefilters' scratch and each rule's state for the message.</summary>
internal sealed class RuleScratch(RuleInspector owner, int rules)
{
    public RuleInspector Owner { get; } = owner;

    public PrefilterScratch Prefilter { get; } = new(rules);

    /// <summary>Per rule, its state for the message being inspected (see <see cref="RuleInspector"/>).</summary>
    public byte[] State { get; } = new byte[rules];

    public List<int> Candidates { get; } = [];

    /// <summary>A fused pass's literals (fused ids), then per prefilter it serves (the rules', the gates') their own ids.</summary>
    public List<int> Fused { get; } = [];

    public List<int>[] FoundPerPart { get; } = [[], []];
}
