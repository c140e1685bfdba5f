using McpVanguard.Policy;

namespace McpVanguard.Inspection.Behaviour;

/// <summary>Loops: the same call (method, tool and arguments) repeated many times in the loop window warns (BEH-008; blocks in strict).</summary>
internal static class LoopDetector
{
    public static void Detect(BehaviourEvent current, IReadOnlyList<BehaviourEvent> session, BehaviourSettings settings, Profile profile, List<Finding> findings)
    {
        if (current.Signature == 0)
        {
            return;
        }

        var since = current.AtMs - (long)settings.LoopWindow.TotalMilliseconds;
        BehaviourEvent? first = null;
        var count = 0;
        foreach (var e in session)
        {
            if (e.AtMs >= since && e.Signature == current.Signature && e.Method == current.Method)
            {
                first ??= e;
                count++;
            }
        }

        if (count >= settings.LoopRepeats && first is not null)
        {
            findings.Add(BehaviourFindings.Tentative("BEH-008", "MCP-21", Severity.Medium, profile,
                $"Loop: the same call {count} times in {(int)settings.LoopWindow.TotalSeconds}s: {first.Describe(first.AtMs)} … {current.Describe(first.AtMs)}."));
        }
    }
}
