namespace McpVanguard.Replay;

/// <summary>The outcome of one replayed case (<see cref="Verdict"/> is <c>block</c> or <c>allow</c>).</summary>
public sealed record ReplayResult(ReplayCase Case, string Verdict, IReadOnlyList<string> Steps, IReadOnlyList<string> Rules, double ElapsedMicroseconds)
{
    /// <summary>What L2 decided in the case's steps (provider, model, score…), in step order; empty when L2 took no part.</summary>
    public IReadOnlyList<Inspection.Semantic.SemanticEvidence> Semantic { get; init; } = [];

    /// <summary>The 1-based steps whose own <c>"expect"</c> was not met (a case with one is wrong whatever its verdict).</summary>
    public IReadOnlyList<int> WrongSteps { get; init; } = [];

    /// <summary>Authoring slips replay judged as live anyway (a server answer to an id no agent step sent), one line each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Blocked => Verdict == "block";

    public bool Correct => Blocked == Case.ExpectBlock && WrongSteps.Count == 0;
}
