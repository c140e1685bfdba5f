using System.Diagnostics;

namespace McpVanguard.Inspection;

/// <summary>
/// Stopwatch ticks this thread spent building something once, on first use (a regex, the injection lexicon): one-off
/// construction is not an inspector's running cost, so the inspection budget leaves it out (see <see cref="InspectorClock"/>).
/// </summary>
public static class OneOffCost
{
    [ThreadStatic]
    private static long t_ticks;

    /// <summary>The one-off ticks spent so far on this thread.</summary>
    public static long TicksOnThisThread => t_ticks;

    /// <summary>Runs <paramref name="build"/> and counts its time as one-off.</summary>
    public static T Measure<T>(Func<T> build)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return build();
        }
        finally
        {
            t_ticks += Stopwatch.GetTimestamp() - started;
        }
    }
}
