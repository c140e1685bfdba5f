using System.Collections.Concurrent;
using System.Diagnostics;
using McpVanguard.Protocol;

namespace McpVanguard.Sessions;

/// <summary>
/// Requests in flight in one direction, keyed by the JSON value of their id. Bounded in size and age so that a peer
/// that never answers cannot grow it without limit.
/// </summary>
public sealed class PendingRequestTable
{
    private readonly ConcurrentDictionary<JsonRpcId, PendingRequest> _pending = new();
    private readonly int _capacity;
    private readonly long _maxAgeTicks;

    public PendingRequestTable(int capacity, TimeSpan maxAge)
    {
        _capacity = capacity;
        _maxAgeTicks = (long)(maxAge.TotalSeconds * Stopwatch.Frequency);

        // The vanguard.requests.pending gauge sums the live tables.
        Telemetry.PendingRequestCensus.Register(this);
    }

    public int Count => _pending.Count;

    /// <summary>Adds a request; false when the table is full of live entries or the id is already in flight.</summary>
    public bool TryAdd(PendingRequest request)
    {
        if (_pending.Count >= _capacity)
        {
            EvictExpired();
            if (_pending.Count >= _capacity)
            {
                return false;
            }
        }

        return _pending.TryAdd(request.Id, request);
    }

    public bool TryRemove(JsonRpcId id, out PendingRequest? request) => _pending.TryRemove(id, out request);

    /// <summary>Removes and returns every entry (used when the upstream dies and each must be answered).</summary>
    public IReadOnlyList<PendingRequest> Drain()
    {
        var drained = new List<PendingRequest>();
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var r))
            {
                drained.Add(r);
            }
        }

        return drained;
    }

    private void EvictExpired()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var (key, value) in _pending)
        {
            if (now - value.StartedTimestamp > _maxAgeTicks)
            {
                _pending.TryRemove(key, out _);
            }
        }
    }
}
