namespace McpVanguard.Inspection.Semantic.Embedded;

/// <summary>The outcome of <see cref="EmbeddedSemanticScorer.Create"/>: a scorer, or the reason there is none.</summary>
/// <param name="Scorer">The scorer (its model loads on first use), or null.</param>
/// <param name="Reason">Why the embedded model cannot be used (files missing, runtime missing, bad head), or null.</param>
public sealed record EmbeddedScorerCreation(EmbeddedSemanticScorer? Scorer, string? Reason)
{
    /// <summary>True when a scorer was created.</summary>
    public bool IsAvailable => Scorer is not null;
}
