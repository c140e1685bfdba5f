using McpVanguard.Inspection.Behaviour;

namespace McpVanguard.State;

/// <summary>
/// Shared state within one process (the default, and the fallback of a balanced gateway whose Redis is down): L3 windows
/// in an <see cref="InMemoryBehaviourState"/>, buckets, lease sets and values in one table of at most
/// <c>maxKeys</c> entries, each with an expiry. Expired entries are swept at most once a sweep interval; a full table
/// drops the entries closest to expiring, so no caller can grow it.
/// </summary>
public sealed class InMemorySharedState : ISharedState
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly InMemoryBehaviourState _behaviour;
    private readonly TimeProvider _clock;
    private readonly int _maxKeys;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _nextSweepMs;

    /// <param name="clock">The clock of windows, buckets and expiries (a fake one in tests).</param>
    /// <param name="maxKeys">Most L3 windows held, and most buckets, lease sets and values held.</param>
    /// <param name="maxEvents">Most steps per L3 window.</param>
    public InMemorySharedState(TimeProvider clock, int maxKeys, int maxEvents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        _clock = clock;
        _maxKeys = maxKeys;
        _behaviour = new InMemoryBehaviourState(clock, maxKeys, maxEvents);
    }

    public string Backend => "memory";

    public long NowMs => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Buckets, lease sets and values held now, expired or not (tests of the bounds).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public ValueTask<IReadOnlyList<BehaviourEvent>> AppendAsync(string key, BehaviourEvent item, TimeSpan retention, CancellationToken cancellationToken)
        => _behaviour.AppendAsync(key, item, retention, cancellationToken);

    public ValueTask<IReadOnlyList<BehaviourEvent>> ReadAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
        => _behaviour.ReadAsync(key, retention, cancellationToken);

    public ValueTask<double> AddDecayingAsync(string key, double amount, TimeSpan halfLife, CancellationToken cancellationToken)
        => _behaviour.AddDecayingAsync(key, amount, halfLife, cancellationToken);

    public void Clear()
    {
        _behaviour.Clear();
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    public ValueTask<TimeSpan?> TakeTokenAsync(string key, int burst, TimeSpan refillPeriod, CancellationToken cancellationToken)
    {
        var now = NowMs;
        var periodMs = Math.Max(1, refillPeriod.TotalMilliseconds);
        lock (_gate)
        {
            var bucket = _entries.TryGetValue(key, out var found) && found.ExpiresAtMs > now && found is Bucket b ? b : null;
            if (bucket is null)
            {
                bucket = new Bucket { Tokens = burst, AtMs = now };
                Insert(key, bucket, now);
            }

            bucket.Tokens = Math.Min(burst, bucket.Tokens + ((now - bucket.AtMs) / periodMs));
            bucket.AtMs = now;
            // A bucket is forgotten once it would have refilled: then it holds nothing a new one would not.
            bucket.ExpiresAtMs = now + (long)(burst * periodMs) + 1000;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens--;
                return ValueTask.FromResult<TimeSpan?>(null);
            }

            return ValueTask.FromResult<TimeSpan?>(TimeSpan.FromMilliseconds(Math.Ceiling((1 - bucket.Tokens) * periodMs)));
        }
    }

    public ValueTask<bool> TryLeaseAsync(string key, string member, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = NowMs;
        lock (_gate)
        {
            var set = _entries.TryGetValue(key, out var found) && found is LeaseSet s ? s : null;
            if (set is null)
            {
                set = new LeaseSet();
                Insert(key, set, now);
            }

            foreach (var (held, expiresAt) in set.Members)
            {
                if (expiresAt <= now)
                {
                    set.Members.Remove(held);
                }
            }

            if (!set.Members.ContainsKey(member) && max > 0 && set.Members.Count >= max)
            {
                return ValueTask.FromResult(false);
            }

            set.Members[member] = now + (long)lease.TotalMilliseconds;
            set.ExpiresAtMs = Math.Max(set.ExpiresAtMs, now + (long)lease.TotalMilliseconds);
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask ReleaseLeaseAsync(string key, string member, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var found) && found is LeaseSet set)
            {
                set.Members.Remove(member);
                if (set.Members.Count == 0)
                {
                    _entries.Remove(key);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask PutAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = NowMs;
        lock (_gate)
        {
            _entries.Remove(key);
            Insert(key, new Value(value) { ExpiresAtMs = now + (long)ttl.TotalMilliseconds }, now);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var now = NowMs;
        lock (_gate)
        {
            return ValueTask.FromResult(_entries.TryGetValue(key, out var found) && found is Value v && v.ExpiresAtMs > now ? v.Text : null);
        }
    }

    public ValueTask DeleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _entries.Remove(key);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask PingAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Adds an entry, sweeping first when the interval has passed or the table is full. Caller holds the gate.</summary>
    private void Insert(string key, Entry entry, long now)
    {
        if (_entries.Count >= _maxKeys || now >= _nextSweepMs)
        {
            _nextSweepMs = now + (long)SweepInterval.TotalMilliseconds;
            foreach (var (k, e) in _entries)
            {
                if (e.ExpiresAtMs <= now && !(e is LeaseSet set && set.Members.Values.Any(v => v > now)))
                {
                    _entries.Remove(k);
                }
            }

            if (_entries.Count >= _maxKeys)
            {
                // Still full of live entries: drop a tenth, those closest to expiring, so this is not redone on every insert.
                foreach (var k in _entries.OrderBy(e => e.Value.ExpiresAtMs).Take(Math.Max(1, _maxKeys / 10)).Select(e => e.Key).ToList())
                {
                    _entries.Remove(k);
                }
            }
        }

        _entries[key] = entry;
    }

    private abstract class Entry
    {
        public long ExpiresAtMs;
    }

    private sealed class Bucket : Entry
    {
        public double Tokens;
        public long AtMs;
    }

    private sealed class LeaseSet : Entry
    {
        public Dictionary<string, long> Members { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Value(string text) : Entry
    {
        public string Text => text;
    }
}
