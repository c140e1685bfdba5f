using System.Diagnostics;
using McpVanguard.Configuration;
using McpVanguard.Telemetry;

namespace McpVanguard.Benchmarks;

/// <summary>
/// <c>telemetry</c>: what telemetry costs a relay step. Blocks of steps alternate between telemetry off (no listener: the
/// default) and on (the real OpenTelemetry SDK with metrics and every span sampled, exporting by OTLP to a closed
/// loopback port with a one-hour metrics interval, so no export runs in a block), so that machine noise hits both alike;
/// medians of the block means are printed. Also the cost of the one test unobserved traffic pays.
/// </summary>
public static class TelemetryCost
{
    public static void Run(int rounds = 15, int perBlock = 2000)
    {
        var probe = new RelayStepProbe();
        var settings = new TelemetrySettings { OtlpEndpoint = new Uri("http://127.0.0.1:9"), MetricsInterval = TimeSpan.FromHours(1) };
        foreach (var (name, frame) in new[] { ("read_file", Messages.ReadFile), ("run_command", Messages.RunCommand) })
        {
            probe.MeanMicroseconds(frame, perBlock * 2);
            var off = new List<double>();
            var on = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                off.Add(probe.MeanMicroseconds(frame, perBlock));
                using (TelemetryProviders.Start(settings))
                {
                    on.Add(probe.MeanMicroseconds(frame, perBlock));
                }
            }

            var offMedian = RelayStepProbe.Median(off);
            var onMedian = RelayStepProbe.Median(on);
            Console.WriteLine($"relay step {name}: telemetry off {offMedian:F1} µs, on {onMedian:F1} µs (+{onMedian - offMedian:F1} µs, {100 * (onMedian - offMedian) / offMedian:F1} %), {rounds} alternating blocks of {perBlock}");
        }

        // The one test an unobserved message pays (VanguardTelemetry.RelayObserved), without listeners.
        const int Tests = 50_000_000;
        var observed = 0;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Tests; i++)
        {
            observed += VanguardTelemetry.RelayObserved ? 1 : 0;
        }

        Console.WriteLine($"unobserved guard (RelayObserved, no listener): {Stopwatch.GetElapsedTime(started).TotalNanoseconds / Tests:F2} ns per message (observed {observed})");
    }
}
