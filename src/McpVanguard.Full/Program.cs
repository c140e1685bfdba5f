using McpVanguard.Cli;
using McpVanguard.Inspection.Semantic;
using McpVanguard.Inspection.Semantic.Embedded;

// Asked only when L2 selects the embedded provider (no remote one configured, semantic.enabled on); the model then
// loads on a thread-pool thread, never on the handshake path. A message scored before the load ends waits for it (at most
// semantic.load_timeout_ms after start-up); its own semantic.timeout_ms starts once the model is ready.
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
        // A failed load is not lost: the scorer keeps it and every scored message meets L2-002 (load-failed) and the
        // profile's failure policy; one stderr line says why (the type only: the message may hold paths).
        _ = creation.Scorer.Ready.ContinueWith(
            static t => Console.Error.WriteLine($"[vanguard] embedded L2 model failed to load ({t.Exception?.InnerException?.GetType().Name}): scored messages follow the profile's failure policy (L2-002)"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    return creation.Scorer;
}
