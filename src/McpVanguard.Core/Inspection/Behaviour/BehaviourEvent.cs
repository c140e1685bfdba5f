namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// One step of a session as L3 remembers it: when, which message (method, tool, JSON-RPC id), through which server, and
/// what kind of step it was. Never an argument value: targets and groups are kept only as stable 64-bit digests, which
/// is all counting distinct siblings needs (and all a shared backend should hold).
/// </summary>
/// <param name="AtMs">When the step was seen (milliseconds of the state's clock).</param>
/// <param name="StepId">The JSON-RPC id of the request (or of the request a response answers), truncated.</param>
/// <param name="Method">The JSON-RPC method (<c>tools/call</c>, <c>resources/read</c>, …).</param>
/// <param name="Tool">The tool called, if any.</param>
/// <param name="ServerId">The upstream the step went through (cross-server chains compare it).</param>
/// <param name="Kind">What the step did.</param>
/// <param name="Target">Digest of the target read (path, URI); 0 when none.</param>
/// <param name="Group">Digest of the target's directory (siblings share it); 0 when none.</param>
/// <param name="Stem">Digest of the directory and the name with its numbers folded (<c>customer_#.json</c>); 0 unless numbered.</param>
/// <param name="Signature">Digest of method, tool and arguments: the same call repeated has the same one.</param>
public sealed record BehaviourEvent(
    long AtMs,
    string StepId,
    string Method,
    string? Tool,
    string ServerId,
    BehaviourKind Kind,
    ulong Target = 0,
    ulong Group = 0,
    ulong Stem = 0,
    ulong Signature = 0)
{
    /// <summary>How the step reads in a finding: tool (or method), id, server and time relative to <paramref name="originMs"/>.</summary>
    public string Describe(long originMs)
        => $"{Tool ?? Method} (id {StepId}, server {ServerId}, +{(AtMs - originMs) / 1000.0:0.0}s)";

    /// <summary>True for the same step seen through two keys (the session's and the principal's window).</summary>
    public bool SameStep(BehaviourEvent other)
        => AtMs == other.AtMs && StepId == other.StepId && ServerId == other.ServerId && Kind == other.Kind;
}
