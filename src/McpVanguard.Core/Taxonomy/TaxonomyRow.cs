namespace McpVanguard.Taxonomy;

/// <summary>One threat as <c>vanguard taxonomy</c> reports it: what covers it here and, where a corpus has cases of it, the recall measured.</summary>
/// <param name="PrimaryRules">Rule and finding ids whose category is this threat.</param>
/// <param name="SecondaryRules">Rule and finding ids that name it as their secondary threat.</param>
/// <param name="Recall">Attack cases of this threat (by primary id) and how many were blocked; null when no corpus was given or it has none.</param>
public sealed record TaxonomyRow(Mcp38Threat Threat, CoverageStatus Status, IReadOnlyList<string> PrimaryRules, IReadOnlyList<string> SecondaryRules, IReadOnlyList<string> Controls, string Note, MeasuredRecall? Recall);

/// <summary>Attack cases of one threat in a corpus and how many were blocked.</summary>
public sealed record MeasuredRecall(int Attacks, int Caught)
{
    public double Rate => Attacks == 0 ? 0 : (double)Caught / Attacks;
}
