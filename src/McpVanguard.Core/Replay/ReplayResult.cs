namespace McpVanguard.Replay;

/// <summary>The outcome of one replayed case (<see cref="Verdict"/> is <c>block</c> or <c>allow</c>).</summary>
public sealed record ReplayResult(ReplayCase Case, string Verdict, IReadOnlyList<string> Steps, IReadOnlyList<string> Rules, double ElapsedMicroseconds)
{
    /// <summary>What L2 decided in the case's steps (provider, model, score…), in step order; empty when L2 took no part.</summary>
    public IReadOnlyList<Inspection.Semantic.SemanticEvidence> Semantic { get; init; } = [];

    public bool Blocked => Verdict == "block";

    public bool Correct => Blocked == Case.ExpectBlock;
}
