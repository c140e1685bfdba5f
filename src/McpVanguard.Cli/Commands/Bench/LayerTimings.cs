using System.Diagnostics;

namespace McpVanguard.Cli.Commands.Bench;

/// <summary>Per-call samples of one layer over the message mix: p50/p99 in microseconds and the bytes it allocates per call.</summary>
internal sealed class LayerTimings(string layer)
{
    private readonly List<double> _micros = [];
    private long _bytes;

    public string Layer => layer;

    public int Calls => _micros.Count;

    /// <summary>Runs <paramref name="action"/> once and records its time and allocation (this thread's).</summary>
    public void Measure(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        action();
        var elapsed = Stopwatch.GetElapsedTime(started);
        _bytes += GC.GetAllocatedBytesForCurrentThread() - before;
        _micros.Add(elapsed.TotalMicroseconds);
    }

    /// <summary>As <see cref="Measure"/> for an asynchronous layer (an L2/L3 stage); allocation is counted while it runs on this thread.</summary>
    public async ValueTask MeasureAsync(Func<ValueTask> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        await action();
        var elapsed = Stopwatch.GetElapsedTime(started);
        _bytes += GC.GetAllocatedBytesForCurrentThread() - before;
        _micros.Add(elapsed.TotalMicroseconds);
    }

    public double Percentile(double p)
    {
        if (_micros.Count == 0)
        {
            return 0;
        }

        var sorted = _micros.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    public long BytesPerCall => _micros.Count == 0 ? 0 : _bytes / _micros.Count;
}
