using System.Diagnostics;

namespace McpVanguard.Benchmarks;

/// <summary>
/// <c>relay-step</c>: the mean relay step of read_file, run_command and a 100 KB write_file as medians of block means, the
/// same measurement as <see cref="TelemetryCost"/>'s "off" blocks, for comparing two builds (before and after a change)
/// process by process. Each block also reports the process's CPU time per step (on a machine shared with other work the
/// wall clock measures the queue for a core, CPU time much less so) and the measuring thread's own CPU time per step, which
/// leaves out the runtime's background threads (tiered compilation, the finalizer) that the process figure includes.
/// </summary>
public static class RelayStepCost
{
    public static void Run(int rounds = 15, int perBlock = 2000)
    {
        var probe = new RelayStepProbe();
        var process = Process.GetCurrentProcess();
        foreach (var (name, frame, count) in new[] { ("read_file", Messages.ReadFile, perBlock), ("run_command", Messages.RunCommand, perBlock), ("write_file 100 KB", Messages.WriteFile100K, perBlock / 40) })
        {
            probe.MeanMicroseconds(frame, count * 2);
            var blocks = new List<double>();
            var cpu = new List<double>();
            var threadCpu = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                var threadBefore = McpVanguard.Inspection.InspectorClock.Now().CpuNanoseconds;
                blocks.Add(probe.MeanMicroseconds(frame, count));
                threadCpu.Add((McpVanguard.Inspection.InspectorClock.Now().CpuNanoseconds - threadBefore) / 1000.0 / count);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - before).TotalMicroseconds / count);
            }

            Console.WriteLine($"relay step {name}: {RelayStepProbe.Median(blocks):F1} µs wall, {RelayStepProbe.Median(cpu):F1} µs CPU, {RelayStepProbe.Median(threadCpu):F1} µs thread CPU (medians of {rounds} blocks of {count})");
        }
    }
}
