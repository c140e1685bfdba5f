using McpVanguard.Inspection.Semantic.Embedded;

namespace McpVanguard.Semantic.Tests;

/// <summary>One real scorer (the shipped model and head) shared by the tests of a class: loading takes seconds.</summary>
public sealed class LoadedScorer : IDisposable
{
    public LoadedScorer()
    {
        // The model is extracted to a cache of the tests, not the user's.
        var creation = EmbeddedSemanticScorer.Create(EmbeddedModelOptions.Default with { SharedCacheDirectory = TestCacheDirectory });
        Scorer = creation.Scorer ?? throw new InvalidOperationException("the embedded model should be beside the tests: " + creation.Reason);
    }

    /// <summary>The shared model cache of the test run.</summary>
    public static string TestCacheDirectory { get; } = Path.Combine(Path.GetTempPath(), "vanguard-semantic-tests-model-cache");

    public EmbeddedSemanticScorer Scorer { get; }

    public void Dispose() => Scorer.Dispose();
}
