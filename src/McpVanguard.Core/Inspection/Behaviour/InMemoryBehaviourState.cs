using System.Collections.Concurrent;

namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// L3 state in process: a window of at most <c>maxEvents</c> per key (an append-only log read through views), a decaying sum per budget, each entry with an
/// expiry, and at most <c>maxKeys</c> entries. Expired entries are swept at most once a sweep interval; when the table
/// is full the least recently touched entries go first, so an attacker opening sessions cannot grow it.
/// </summary>
public sealed class InMemoryBehaviourState : IBehaviourState
{
    /// <summary>Sweeping is amortised: expired entries wait at most this long, and cost nothing per message.</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    /// <summary>A decaying sum is forgotten once it has halved this many times (below 1/65536 of its value).</summary>
    private const int HalfLivesToExpiry = 16;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly int _maxKeys;
    private readonly int _maxEvents;
    private long _nextSweepMs;
    private int _sweeping;

    /// <param name="clock">The clock windows are measured with (a fake one in tests, a stepped one in replay).</param>
    /// <param name="maxKeys">Most windows and budgets kept at once.</param>
    /// <param name="maxEvents">Most events kept per window; the oldest are dropped first.</param>
    public InMemoryBehaviourState(TimeProvider clock, int maxKeys, int maxEvents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, 1);
        _clock = clock;
        _maxKeys = maxKeys;
        _maxEvents = maxEvents;
    }

    public long NowMs => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Entries held now, expired or not (tests of the bounds).</summary>
    public int Count => _entries.Count;

    public ValueTask<IReadOnlyList<BehaviourEvent>> AppendAsync(string key, BehaviourEvent item, TimeSpan retention, CancellationToken cancellationToken)
    {
        var now = NowMs;
        var window = (Window)_entries.GetOrAdd(key, static (_, s) => new Window(s._maxEvents), this);
        IReadOnlyList<BehaviourEvent> live;
        lock (window)
        {
            window.Append(item, now, (long)retention.TotalMilliseconds);
            live = window.Live(now, (long)retention.TotalMilliseconds);
        }

        Maintain(now);
        return ValueTask.FromResult(live);
    }

    public ValueTask<IReadOnlyList<BehaviourEvent>> ReadAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(key, out var entry) || entry is not Window window)
        {
            return ValueTask.FromResult<IReadOnlyList<BehaviourEvent>>([]);
        }

        lock (window)
        {
            return ValueTask.FromResult(window.Live(NowMs, (long)retention.TotalMilliseconds));
        }
    }

    public ValueTask<double> AddDecayingAsync(string key, double amount, TimeSpan halfLife, CancellationToken cancellationToken)
    {
        var now = NowMs;
        var sum = (DecayingSum)_entries.GetOrAdd(key, static _ => new DecayingSum());
        double value;
        lock (sum)
        {
            value = sum.Add(amount, now, halfLife.TotalMilliseconds);
            sum.ExpiresAtMs = now + (long)(halfLife.TotalMilliseconds * HalfLivesToExpiry);
            sum.TouchedMs = now;
        }

        Maintain(now);
        return ValueTask.FromResult(value);
    }

    public void Clear() => _entries.Clear();

    /// <summary>Sweeps expired entries once an interval, and evicts the least recently touched when over the key limit.</summary>
    private void Maintain(long now)
    {
        var over = _entries.Count > _maxKeys;
        if (!over && now < Volatile.Read(ref _nextSweepMs))
        {
            return;
        }

        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            Volatile.Write(ref _nextSweepMs, now + (long)SweepInterval.TotalMilliseconds);
            foreach (var (key, entry) in _entries)
            {
                if (entry.ExpiresAtMs <= now)
                {
                    _entries.TryRemove(key, out _);
                }
            }

            var excess = _entries.Count - _maxKeys;
            if (excess > 0)
            {
                // Evict a tenth more than needed so a table at its limit is not re-sorted on every new key.
                var victims = _entries.OrderBy(e => e.Value.TouchedMs).Take(excess + (_maxKeys / 10)).Select(e => e.Key).ToList();
                foreach (var key in victims)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private abstract class Entry
    {
        public long ExpiresAtMs;
        public long TouchedMs;
    }

    /// <summary>
    /// The events of one window as an append-only log: a slot, once written, is never written again, so the live part
    /// handed to the detectors is a view of the log (<see cref="WindowView"/>) instead of a copy of the window per
    /// message. When the log is full, the live part moves to a new array (doubled up to twice the window's capacity),
    /// and views of the old one stay valid. The caller holds the lock.
    /// </summary>
    private sealed class Window(int capacity) : Entry, ISequencedSteps
    {
        private const int InitialSlots = 16;

        private BehaviourEvent[] _log = new BehaviourEvent[Math.Min(InitialSlots, 2 * capacity)];
        private int _start;
        private int _count;

        // The sequence number of the oldest live step (_log[_start]): the n-th step ever appended, never reused.
        private long _firstSeq;

        // The loop detector's running count, while the steps arrive in time order (a window that went out of order walks
        // until it empties; then it counts again).
        private RepeatIndex? _repeats;
        private bool _ordered = true;
        private long _lastAtMs = long.MinValue;

        public long EndSeq => _firstSeq + _count;

        public BehaviourEvent At(long seq) => _log[_start + (int)(seq - _firstSeq)];

        public void Append(BehaviourEvent item, long now, long retentionMs)
        {
            if (_count == 0 && !_ordered)
            {
                _ordered = true;
                _repeats = null;
            }

            if (item.AtMs < _lastAtMs)
            {
                _ordered = false;
                _repeats = null;
            }

            _lastAtMs = Math.Max(_lastAtMs, item.AtMs);
            if (_count == capacity)
            {
                // Full: the oldest event makes room (count-bounded window).
                DropOldest();
            }

            if (_start + _count == _log.Length)
            {
                // A new array, never a move within this one: a view handed out earlier still reads these slots.
                // Doubled while the live part fills more than half of it; at twice the capacity, one copy per `capacity` appends.
                var grown = new BehaviourEvent[_count > _log.Length / 2 ? Math.Min(_log.Length * 2, 2 * capacity) : _log.Length];
                Array.Copy(_log, _start, grown, 0, _count);
                _log = grown;
                _start = 0;
            }

            _log[_start + _count] = item;
            _count++;
            TouchedMs = now;
            ExpiresAtMs = now + retentionMs;
        }

        public IReadOnlyList<BehaviourEvent> Live(long now, long retentionMs)
        {
            // Drop what has aged out, so the window never hands back (or keeps) an expired step.
            var oldest = now - retentionMs;
            while (_count > 0 && _log[_start].AtMs < oldest)
            {
                DropOldest();
            }

            return _count == 0 ? [] : new WindowView(this, _log, _start, _count, _firstSeq);
        }

        /// <summary>Under the window's lock: see <see cref="RepeatIndex.TryCount"/>.</summary>
        public bool TryCountRepeats(BehaviourEvent current, long since, WindowView view, long viewStartSeq, out int count)
        {
            if (!_ordered)
            {
                count = 0;
                return false;
            }

            _repeats ??= new RepeatIndex(_firstSeq);
            return _repeats.TryCount(current, since, view, viewStartSeq, viewStartSeq + view.Count, this, EndSeq, out count);
        }

        private void DropOldest()
        {
            _repeats?.Dropped(_log[_start], _firstSeq);
            _start++;
            _count--;
            _firstSeq++;
        }
    }

    /// <summary>
    /// The live part of a window when it was read: slots of the log that are never written again. It counts a call's
    /// repeats through the window's running count (under the window's lock), so the loop detector need not walk it.
    /// </summary>
    private sealed class WindowView(Window window, BehaviourEvent[] log, int start, int count, long firstSeq) : IReadOnlyList<BehaviourEvent>, ISequencedSteps, IRepeatCounter
    {
        public int Count => count;

        public BehaviourEvent this[int index]
            => (uint)index < (uint)count ? log[start + index] : throw new ArgumentOutOfRangeException(nameof(index));

        public BehaviourEvent At(long seq) => log[start + (int)(seq - firstSeq)];

        public bool TryCountRepeats(BehaviourEvent current, long since, out int repeats)
        {
            lock (window)
            {
                return window.TryCountRepeats(current, since, this, firstSeq, out repeats);
            }
        }

        public IEnumerator<BehaviourEvent> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return log[start + i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A sum decaying by half every half-life; the caller holds its lock.</summary>
    private sealed class DecayingSum : Entry
    {
        private double _value;
        private long _atMs;

        public double Add(double amount, long now, double halfLifeMs)
        {
            if (_atMs != 0 && now > _atMs)
            {
                _value *= Math.Pow(0.5, (now - _atMs) / halfLifeMs);
            }

            _value += amount;
            _atMs = Math.Max(_atMs, now);
            return _value;
        }
    }
}
