using System.Diagnostics;
using System.Runtime.InteropServices;

namespace McpVanguard.Inspection;

/// <summary>
/// Measures what an inspector itself spent: CPU time of the inspecting thread (so a loaded machine, a thread that was not
/// scheduled, or other sessions do not count), minus the one-off costs that are not the inspector's running cost — JIT
/// compilation, garbage-collection pauses and tables built on first use (<see cref="OneOffCost"/>: regexes, the lexicon). Where the platform has no per-thread CPU clock, wall
/// time minus the same exclusions is used.
/// </summary>
internal static partial class InspectorClock
{
    private const int LinuxThreadCpuClock = 3;  // CLOCK_THREAD_CPUTIME_ID
    private const int MacThreadCpuClock = 16;   // CLOCK_THREAD_CPUTIME_ID on Darwin

    private static readonly int? ThreadCpuClock =
        OperatingSystem.IsLinux() ? LinuxThreadCpuClock : OperatingSystem.IsMacOS() ? MacThreadCpuClock : null;

    private static bool s_cpuClockBroken;

    /// <summary>A reading to subtract from a later one.</summary>
    /// <param name="WallTicks">The <see cref="Stopwatch"/> timestamp the reading was taken at.</param>
    public readonly record struct Reading(long CpuNanoseconds, bool IsCpu, TimeSpan Jit, TimeSpan GcPause, long OneOffTicks, long WallTicks = 0);

    /// <summary>The thread's last reading (<see cref="Recent"/>); <c>WallTicks == 0</c> when none was taken.</summary>
    [ThreadStatic]
    private static Reading t_last;

    /// <summary>Readings taken on this thread (tests: how often the clock's system call is paid).</summary>
    [ThreadStatic]
    private static long t_readings;

    internal static long ReadingsOnThisThread => t_readings;

    public static Reading Now() => Now(Stopwatch.GetTimestamp());

    private static Reading Now(long wallTicks)
    {
        var cpu = ThreadCpuNanoseconds();
        t_readings++;
        return t_last = new Reading(
            cpu ?? (long)(wallTicks * (1e9 / Stopwatch.Frequency)),
            cpu is not null,
            System.Runtime.JitInfo.GetCompilationTime(currentThread: true),
            GC.GetTotalPauseDuration(),
            OneOffCost.TicksOnThisThread,
            wallTicks);
    }

    /// <summary>
    /// A reading of this thread taken at most <paramref name="reuseTicks"/> of wall time before <paramref name="wallTicks"/>:
    /// the last one when it is that recent, else a new one. The thread CPU clock is a system call (no vDSO for it), about a
    /// tenth of a small message's inspection on a virtual machine; a relay busy with a burst of messages pays it once per
    /// <paramref name="reuseTicks"/> instead of once per message. What an inspector spent is then bounded from below by
    /// <see cref="SpentSince(Reading, long)"/>, which subtracts the whole wall time from the reading to the inspector's start:
    /// never more than the inspector's CPU time (so load never counts against it), and less by at most the time the thread
    /// did not run within <paramref name="reuseTicks"/>.
    /// </summary>
    public static Reading Recent(long wallTicks, long reuseTicks)
    {
        var last = t_last;
        return last.WallTicks != 0 && wallTicks - last.WallTicks is var age && age >= 0 && age <= reuseTicks ? last : Now(wallTicks);
    }

    /// <summary>
    /// A lower bound of what the code that started at <paramref name="startedTicks"/> (a <see cref="Stopwatch"/> timestamp)
    /// spent up to now, from an earlier <paramref name="reading"/>: what was spent since the reading, less the wall time between
    /// the reading and the start (one thread's CPU time cannot exceed its wall time).
    /// </summary>
    public static TimeSpan SpentSince(Reading reading, long startedTicks)
        => SpentSince(reading) - TimeSpan.FromSeconds((double)Math.Max(0, startedTicks - reading.WallTicks) / Stopwatch.Frequency);

    /// <summary>What the inspector spent between <paramref name="start"/> and now, never negative.</summary>
    public static TimeSpan SpentSince(Reading start)
    {
        var end = Now(Stopwatch.GetTimestamp());
        var elapsed = end.IsCpu == start.IsCpu ? TimeSpan.FromTicks((end.CpuNanoseconds - start.CpuNanoseconds) / 100) : TimeSpan.Zero;
        var excluded = (end.Jit - start.Jit) + (end.GcPause - start.GcPause)
            + TimeSpan.FromSeconds((double)(end.OneOffTicks - start.OneOffTicks) / Stopwatch.Frequency);
        var spent = elapsed - excluded;
        return spent < TimeSpan.Zero ? TimeSpan.Zero : spent;
    }

    private static long? ThreadCpuNanoseconds()
    {
        if (ThreadCpuClock is not { } clock || s_cpuClockBroken)
        {
            return null;
        }

        try
        {
            if (clock_gettime(clock, out var ts) == 0)
            {
                return (ts.Seconds * 1_000_000_000L) + ts.Nanoseconds;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
        }

        s_cpuClockBroken = true;
        return null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clockId, out TimeSpec time);
}
