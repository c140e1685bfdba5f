using System.Collections.Concurrent;
using System.Diagnostics;

namespace McpVanguard.Inspection.Metadata;

/// <summary>
/// The tools of one session that were found poisoned, keyed by server id and tool name: calls to them are refused for the
/// rest of the session (QUAR-001). Bounded in size and age, like every table vanguard keeps.
/// </summary>
public sealed class ToolQuarantine(int capacity = 4096, TimeSpan? maxAge = null)
{
    private readonly ConcurrentDictionary<(string Server, string Tool), long> _entries = new();
    private readonly long _maxAgeTicks = (long)((maxAge ?? TimeSpan.FromHours(24)).TotalSeconds * Stopwatch.Frequency);

    public int Count => _entries.Count;

    /// <summary>Quarantines <paramref name="tool"/> of <paramref name="serverId"/>; when full, the oldest entries make room.</summary>
    public void Add(string serverId, string tool)
    {
        if (_entries.Count >= capacity && !_entries.ContainsKey((serverId, tool)))
        {
            EvictExpired();
            if (_entries.Count >= capacity)
            {
                // Dropping the oldest keeps the newest (and most likely to be called) poisoned tools refused.
                var oldest = _entries.OrderBy(static e => e.Value).Take(Math.Max(1, capacity / 8)).Select(static e => e.Key).ToList();
                foreach (var key in oldest)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }

        _entries[(serverId, tool)] = Stopwatch.GetTimestamp();
    }

    /// <summary>True when <paramref name="tool"/> of <paramref name="serverId"/> is quarantined and the entry has not expired.</summary>
    public bool Contains(string serverId, string tool)
        => _entries.TryGetValue((serverId, tool), out var added) && Stopwatch.GetTimestamp() - added <= _maxAgeTicks;

    private void EvictExpired()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var entry in _entries)
        {
            if (now - entry.Value > _maxAgeTicks)
            {
                _entries.TryRemove(entry.Key, out _);
            }
        }
    }
}
