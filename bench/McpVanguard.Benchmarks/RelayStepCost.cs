namespace McpVanguard.Benchmarks;

/// <summary>
/// <c>relay-step</c>: the mean relay step of read_file and run_command as medians of block means, the same measurement
/// as <see cref="TelemetryCost"/>'s "off" blocks, for comparing two builds (before and after a change) process by process.
/// </summary>
public static class RelayStepCost
{
    public static void Run(int rounds = 15, int perBlock = 2000)
    {
        var probe = new RelayStepProbe();
        foreach (var (name, frame) in new[] { ("read_file", Messages.ReadFile), ("run_command", Messages.RunCommand) })
        {
            probe.MeanMicroseconds(frame, perBlock * 2);
            var blocks = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                blocks.Add(probe.MeanMicroseconds(frame, perBlock));
            }

            Console.WriteLine($"relay step {name}: {RelayStepProbe.Median(blocks):F1} µs (median of {rounds} blocks of {perBlock})");
        }
    }
}
