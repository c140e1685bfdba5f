using McpVanguard.Cli;
using McpVanguard.Inspection.Semantic;
using McpVanguard.Inspection.Semantic.Embedded;

// Asked only when L2 selects the embedded provider (no remote one configured, semantic.enabled on); the model then
// loads on a thread-pool thread, never on the handshake path, so the first scored message does not wait seconds for it
// (and meet the semantic.timeout_ms deadline) as it did when loading waited for that first score.
return await VanguardCommandLine.RunAsync(args, EmbeddedScorer);

static ISemanticScorer? EmbeddedScorer()
{
    var creation = EmbeddedSemanticScorer.Create();
    if (creation.Scorer is null)
    {
        Console.Error.WriteLine($"[vanguard] embedded L2 model unavailable, L2 is off: {creation.Reason}");
    }
    else
    {
        // A failed load is not lost: the Lazy keeps the exception and the first score fails closed on it (VG-001).
        _ = creation.Scorer.WarmUpAsync(CancellationToken.None).ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    return creation.Scorer;
}
