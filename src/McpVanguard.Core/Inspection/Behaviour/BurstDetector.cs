using McpVanguard.Policy;

namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// Destructive bursts: many deletes in the burst window block the deletes that keep the burst going (BEH-007); many writes
/// warn (a refactor touches many files, so the write threshold is far above an everyday session).
/// </summary>
internal static class BurstDetector
{
    public static void Detect(BehaviourEvent current, IReadOnlyList<BehaviourEvent> session, BehaviourSettings settings, Profile profile, List<Finding> findings)
    {
        var since = current.AtMs - (long)settings.BurstWindow.TotalMilliseconds;
        var seconds = (int)settings.BurstWindow.TotalSeconds;
        if ((current.Kind & BehaviourKind.Delete) != 0 && Matching(session, since, BehaviourKind.Delete) is { Count: var d } deletes && d >= settings.BurstDeletes)
        {
            findings.Add(BehaviourFindings.Sure("BEH-007", "MCP-07", Severity.High, $"Destructive burst: {d} deletes in {seconds}s: {BehaviourFindings.Sequence(deletes, deletes[0].AtMs)}."));
        }
        else if ((current.Kind & BehaviourKind.Write) != 0 && Matching(session, since, BehaviourKind.Write) is { Count: var w } writes && w >= settings.BurstWrites)
        {
            findings.Add(BehaviourFindings.Tentative("BEH-007", "MCP-07", Severity.Medium, profile, $"Write burst: {w} writes in {seconds}s: {BehaviourFindings.Sequence(writes, writes[0].AtMs)}."));
        }
    }

    private static List<BehaviourEvent> Matching(IReadOnlyList<BehaviourEvent> session, long since, BehaviourKind kind)
    {
        var result = new List<BehaviourEvent>();
        foreach (var e in session)
        {
            if (e.AtMs >= since && (e.Kind & kind) != 0)
            {
                result.Add(e);
            }
        }

        return result;
    }
}
