namespace McpVanguard.Replay;

/// <summary>The outcome of one replayed case (<see cref="Verdict"/> is <c>block</c> or <c>allow</c>).</summary>
public sealed record ReplayResult(ReplayCase Case, string Verdict, IReadOnlyList<string> Steps, IReadOnlyList<string> Rules, double ElapsedMicroseconds)
{
    public bool Blocked => Verdict == "block";

    public bool Correct => Blocked == Case.ExpectBlock;
}
