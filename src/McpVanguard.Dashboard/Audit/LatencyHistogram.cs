namespace McpVanguard.Dashboard.Audit;

/// <summary>
/// Inspection times in fixed logarithmic buckets (10% wide, 0.1 µs to about 100 s): percentiles of any number of records
/// in constant memory, accurate to the bucket width. Not thread-safe: <see cref="AuditAggregates"/> guards it.
/// </summary>
internal sealed class LatencyHistogram
{
    private const double Smallest = 0.1;
    private const double Growth = 1.1;
    private static readonly double LogGrowth = Math.Log(Growth);
    private readonly long[] _buckets = new long[220];

    public long Count { get; private set; }

    public void Add(double microseconds)
    {
        var index = microseconds <= Smallest ? 0 : (int)Math.Ceiling(Math.Log(microseconds / Smallest) / LogGrowth);
        _buckets[Math.Clamp(index, 0, _buckets.Length - 1)]++;
        Count++;
    }

    /// <summary>The upper bound of the bucket holding the <paramref name="quantile"/> (0..1) record; null when empty.</summary>
    public double? Percentile(double quantile)
    {
        if (Count == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(quantile * Count);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= rank && _buckets[i] > 0)
            {
                return Smallest * Math.Pow(Growth, i);
            }
        }

        return Smallest * Math.Pow(Growth, _buckets.Length - 1);
    }

    public void Clear()
    {
        Array.Clear(_buckets);
        Count = 0;
    }
}
