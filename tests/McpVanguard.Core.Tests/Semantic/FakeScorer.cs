using System.Collections.Concurrent;
using McpVanguard.Inspection.Semantic;

namespace McpVanguard.Tests.Semantic;

/// <summary>An <see cref="ISemanticScorer"/> whose answer the test scripts; it records every request it was asked to score.</summary>
internal sealed class FakeScorer(Func<SemanticRequest, CancellationToken, Task<SemanticScore>> score) : ISemanticScorer
{
    public FakeScorer(double score)
        : this((_, _) => Task.FromResult(new SemanticScore(score, "injection", "scripted")))
    {
    }

    public string Provider => "fake";

    public string Model => "fake-judge";

    /// <summary>The scorer's load (<see cref="ISemanticScorer.Ready"/>): done at once unless the test scripts a slow or failed one.</summary>
    public Task Ready { get; init; } = Task.CompletedTask;

    public ConcurrentQueue<SemanticRequest> Requests { get; } = new();

    public async ValueTask<SemanticScore> ScoreAsync(SemanticRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return await score(request, cancellationToken).ConfigureAwait(false);
    }
}
