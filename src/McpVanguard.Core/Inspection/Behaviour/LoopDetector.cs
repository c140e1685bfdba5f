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
        if (session is IRepeatCounter counter && counter.TryCountRepeats(current, since, out var count))
        {
            // The in-memory window keeps a running count: no walk for an everyday call; the first repeat is looked up
            // only for the finding's reason.
            if (count < settings.LoopRepeats)
            {
                return;
            }

            first = FirstRepeat(current, session, since);
        }
        else
        {
            count = 0;
            for (var i = 0; i < session.Count; i++)
            {
                var e = session[i];
                if (Repeats(e, current, since))
                {
                    first ??= e;
                    count++;
                }
            }
        }

        if (count >= settings.LoopRepeats && first is not null)
        {
            findings.Add(BehaviourFindings.Tentative("BEH-008", "MCP-21", Severity.Medium, profile,
                $"Loop: the same call {count} times in {(int)settings.LoopWindow.TotalSeconds}s: {first.Describe(first.AtMs)} … {current.Describe(first.AtMs)}."));
        }
    }

    private static BehaviourEvent? FirstRepeat(BehaviourEvent current, IReadOnlyList<BehaviourEvent> session, long since)
    {
        for (var i = 0; i < session.Count; i++)
        {
            if (Repeats(session[i], current, since))
            {
                return session[i];
            }
        }

        return null;
    }

    private static bool Repeats(BehaviourEvent e, BehaviourEvent current, long since)
        => e.AtMs >= since && e.Signature == current.Signature && e.Method == current.Method;
}
