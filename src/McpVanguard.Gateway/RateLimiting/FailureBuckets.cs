using System.Diagnostics;

namespace McpVanguard.Gateway.RateLimiting;

/// <summary>
/// A token bucket of failures per client address that can be looked at without spending (the framework's limiters
/// cannot be asked "is anything left?" reliably). Bounded: at <see cref="MaxAddresses"/> the buckets that have refilled
/// (they hold no state) are dropped; if every one is still draining, a new address is tracked only once room frees up.
/// </summary>
internal sealed class FailureBuckets(int burst, TimeSpan refillPeriod, int maxAddresses = FailureBuckets.DefaultMaxAddresses)
{
    public const int DefaultMaxAddresses = 100_000;

    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int MaxAddresses => maxAddresses;

    /// <summary>Null while <paramref name="address"/> has failures left, otherwise how long until it has one again.</summary>
    public TimeSpan? RetryAfter(string address)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            if (!_buckets.TryGetValue(address, out var bucket))
            {
                return null;
            }

            var tokens = Refilled(bucket, now);
            return tokens >= 1 ? null : refillPeriod * (1 - tokens);
        }
    }

    /// <summary>Spends one failure of <paramref name="address"/>.</summary>
    public void Spend(string address)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            var tokens = _buckets.TryGetValue(address, out var bucket) ? Refilled(bucket, now) : burst;
            if (!_buckets.ContainsKey(address) && _buckets.Count >= maxAddresses && !MakeRoom(now))
            {
                return;
            }

            _buckets[address] = new Bucket(Math.Max(0, tokens - 1), now);
        }
    }

    private double Refilled(Bucket bucket, long now)
        => Math.Min(burst, bucket.Tokens + (Stopwatch.GetElapsedTime(bucket.Stamp, now) / refillPeriod));

    private bool MakeRoom(long now)
    {
        foreach (var (address, bucket) in _buckets)
        {
            if (Refilled(bucket, now) >= burst)
            {
                _buckets.Remove(address);
            }
        }

        return _buckets.Count < maxAddresses;
    }

    private readonly record struct Bucket(double Tokens, long Stamp);
}
