using McpVanguard.Integrity;
using McpVanguard.State;

namespace McpVanguard.Tests.Integrity;

/// <summary>A pin ledger in memory with the Redis ledger's semantics (compare-and-set, a bound), that can be taken down or emptied.</summary>
internal sealed class InMemoryPinLedger(int maxServers = 256) : IPinLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Version, byte[] Entry)> _entries = new(StringComparer.Ordinal);

    public event Action<string>? Changed;

    public string Backend => "memory";

    /// <summary>Every call throws <see cref="StateUnavailableException"/>, as Redis down does.</summary>
    public bool Down { get; set; }

    public int Writes { get; private set; }

    /// <summary>Forgets everything (a Redis restarted without persistence, or flushed).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    public PinLedgerEntry Read(string identity, string? knownVersion)
    {
        lock (_gate)
        {
            ThrowIfDown();
            return !_entries.TryGetValue(identity, out var entry) ? new PinLedgerEntry(null, null)
                : entry.Version == knownVersion ? PinLedgerEntry.Unchanged(entry.Version)
                : new PinLedgerEntry(entry.Version, entry.Entry);
        }
    }

    public IReadOnlyDictionary<string, string> Versions()
    {
        lock (_gate)
        {
            ThrowIfDown();
            return _entries.ToDictionary(static kv => kv.Key, static kv => kv.Value.Version, StringComparer.Ordinal);
        }
    }

    public PinLedgerWrite TryWrite(string identity, byte[] entry, string? expectedVersion, string newVersion)
    {
        lock (_gate)
        {
            ThrowIfDown();
            var exists = _entries.TryGetValue(identity, out var current);
            if ((exists ? current.Version : null) != expectedVersion)
            {
                return new PinLedgerWrite(false, exists ? new PinLedgerEntry(current.Version, current.Entry) : new PinLedgerEntry(null, null));
            }

            if (!exists && _entries.Count >= maxServers)
            {
                return new PinLedgerWrite(false, new PinLedgerEntry(null, null), Full: true);
            }

            _entries[identity] = (newVersion, entry);
            Writes++;
        }

        Changed?.Invoke(identity);
        return new PinLedgerWrite(true, new PinLedgerEntry(newVersion, entry));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void ThrowIfDown()
    {
        if (Down)
        {
            throw new StateUnavailableException("memory: down for the test");
        }
    }
}
