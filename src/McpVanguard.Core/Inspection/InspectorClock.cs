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
    public readonly record struct Reading(long CpuNanoseconds, bool IsCpu, TimeSpan Jit, TimeSpan GcPause, long OneOffTicks);

    public static Reading Now()
    {
        var cpu = ThreadCpuNanoseconds();
        return new Reading(
            cpu ?? (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency)),
            cpu is not null,
            System.Runtime.JitInfo.GetCompilationTime(currentThread: true),
            GC.GetTotalPauseDuration(),
            OneOffCost.TicksOnThisThread);
    }

    /// <summary>What the inspector spent between <paramref name="start"/> and now, never negative.</summary>
    public static TimeSpan SpentSince(Reading start)
    {
        var end = Now();
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
