using McpVanguard.Cli;
using McpVanguard.Inspection.Semantic;
using McpVanguard.Inspection.Semantic.Embedded;

// Asked only when L2 selects the embedded provider (no remote one configured, semantic.enabled on); the model itself
// loads on its first score or the engine's background priming, never on the handshake path.
return await VanguardCommandLine.RunAsync(args, EmbeddedScorer);

static ISemanticScorer? EmbeddedScorer()
{
    var creation = EmbeddedSemanticScorer.Create();
    if (creation.Scorer is null)
    {
        Console.Error.WriteLine($"[vanguard] embedded L2 model unavailable, L2 is off: {creation.Reason}");
    }

    return creation.Scorer;
}
