using McpVanguard.Inspection.Semantic.Embedded;

namespace McpVanguard.Semantic.Tests;

/// <summary>One real scorer (the shipped model and head) shared by the tests of a class: loading takes seconds.</summary>
public sealed class LoadedScorer : IDisposable
{
    public LoadedScorer()
    {
        var creation = EmbeddedSemanticScorer.Create();
        Scorer = creation.Scorer ?? throw new InvalidOperationException("the embedded model should be beside the tests: " + creation.Reason);
    }

    public EmbeddedSemanticScorer Scorer { get; }

    public void Dispose() => Scorer.Dispose();
}
