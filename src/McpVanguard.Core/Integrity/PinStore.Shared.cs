using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using McpVanguard.Audit;
using McpVanguard.State;

namespace McpVanguard.Integrity;

/// <summary>
/// The pins shared across gateway instances (<see cref="ShareThrough"/>): before each comparison the server's shared entry
/// is read (one round trip, skipped when unchanged), every local change is written back with compare-and-set (merged with
/// <see cref="PinEntryMerge"/> when another instance wrote first), and the ledger's feed plus a once-a-second sweep keep
/// the held-item view of calls fresh. The pin file mirrors what is shared and re-seeds a ledger that lost its data, so an
/// acknowledged approval survives a Redis restart or flush.
/// </summary>
public sealed partial class PinStore
{
    /// <summary>How many times a write that lost a compare-and-set race is merged and tried again.</summary>
    private const int WriteAttempts = 4;

    private static readonly JsonTypeInfo<PinnedServer> EntryJson = (JsonTypeInfo<PinnedServer>)PinFile.SerializerOptions.GetTypeInfo(typeof(PinnedServer));

    /// <summary>The version of the shared entry each server's pins in memory were last brought up to (or written as).</summary>
    private readonly Dictionary<string, string> _sharedVersions = new(StringComparer.Ordinal);

    /// <summary>Servers changed here and not yet in the ledger, with the generation of their last change.</summary>
    private readonly Dictionary<string, long> _unshared = new(StringComparer.Ordinal);

    private IPinLedger? _ledger;
    private bool _ledgerFallsBack;
    private bool _ledgerReseeds;
    private int _ledgerDown;

    /// <summary>True when the pins are shared through a ledger (<see cref="ShareThrough"/>).</summary>
    public bool IsShared => _ledger is not null;

    /// <summary>
    /// Shares these pins through <paramref name="ledger"/> from now on. When the ledger cannot answer,
    /// <paramref name="fallBackToLocal"/> (balanced, monitor) compares with this process's pins and says so; otherwise
    /// (strict) a list is not compared (PIN-005). Approvals always need the ledger. Call once, before the first comparison.
    /// </summary>
    /// <param name="reseed">Write to the ledger the servers of this store it lacks (a gateway instance, whose pin file is a
    /// durable copy of the deployment's pins); false for an operator's tool, whose pin file may hold unrelated servers.</param>
    public void ShareThrough(IPinLedger ledger, bool fallBackToLocal, bool reseed = true)
    {
        if (Interlocked.CompareExchange(ref _ledger, ledger, null) is not null)
        {
            throw new InvalidOperationException("The pins are already shared.");
        }

        _ledgerFallsBack = fallBackToLocal;
        _ledgerReseeds = reseed;
        ledger.Changed += identity => _ = Task.Run(() => PullShared(identity));
    }

    /// <summary>
    /// Brings every server up to the ledger and writes back what it lacks (local changes, or pins it lost when Redis was
    /// restarted empty), once a second until <paramref name="cancellationToken"/> ends. Run it in the background.
    /// </summary>
    public async Task SyncPeriodicallyAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                _ = SyncShared();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>One sweep: pulls the entries that changed, pushes the ones the ledger lacks. Returns why the ledger could not answer, or null.</summary>
    internal string? SyncShared()
    {
        if (_ledger is not { } ledger)
        {
            return null;
        }

        IReadOnlyDictionary<string, string> versions;
        try
        {
            versions = ledger.Versions();
        }
        catch (StateUnavailableException ex)
        {
            return Unreachable(ex);
        }

        foreach (var (identity, version) in versions)
        {
            bool known;
            lock (_gate)
            {
                known = _sharedVersions.TryGetValue(identity, out var mine) && mine == version;
            }

            if (!known && PullShared(identity) is { } error)
            {
                return error;
            }
        }

        List<string> missing;
        lock (_gate)
        {
            try
            {
                // What the pin file holds counts too: after a restart it is what re-seeds an emptied ledger.
                Reload();
            }
            catch (PinStoreException ex)
            {
                _log?.WriteLine($"[vanguard] pins: {ex.Message}");
            }

            foreach (var identity in _current.Servers.Keys.Where(i => _ledgerReseeds && !versions.ContainsKey(i)))
            {
                // The ledger lacks what this instance holds (a restarted or flushed Redis, or a change made during an
                // outage): this copy re-seeds it.
                _sharedVersions.Remove(identity);
                _unshared.TryAdd(identity, ++_generation);
            }

            missing = [.. _unshared.Keys];
        }

        foreach (var identity in missing)
        {
            if (PushShared(identity) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>Brings one server's pins up to the ledger (before it is compared). Returns why the ledger could not answer, or null.</summary>
    private string? PullShared(string identity)
    {
        if (_ledger is not { } ledger)
        {
            return null;
        }

        string? known;
        lock (_gate)
        {
            known = _sharedVersions.GetValueOrDefault(identity);
        }

        PinLedgerEntry entry;
        try
        {
            entry = ledger.Read(identity, known);
        }
        catch (StateUnavailableException ex)
        {
            return Unreachable(ex);
        }

        Reachable();
        lock (_gate)
        {
            Absorb(identity, entry);
        }

        return null;
    }

    /// <summary>Takes the ledger's entry into memory: as it is, or merged with this instance's unshared changes. Caller holds <see cref="_gate"/>.</summary>
    private void Absorb(string identity, PinLedgerEntry entry)
    {
        if (entry.IsUnchanged)
        {
            return;
        }

        if (entry.Version is not { } version || entry.Entry is not { } bytes)
        {
            // Absent from the ledger: what this instance holds is written to it.
            _sharedVersions.Remove(identity);
            if (_current.Servers.ContainsKey(identity))
            {
                _unshared.TryAdd(identity, ++_generation);
            }

            return;
        }

        PinnedServer theirs;
        try
        {
            theirs = JsonSerializer.Deserialize(bytes, EntryJson) ?? throw new JsonException("empty entry");
        }
        catch (JsonException ex)
        {
            // Written by something else than this build: keep the local pins (never replace them with nothing).
            _log?.WriteLine($"[vanguard] pins: the shared entry of '{AuditFieldBounds.Bound(identity, AuditFieldBounds.MaxIdentifierChars)}' is not readable ({ex.Message}); keeping this instance's pins.");
            return;
        }

        if (_unshared.ContainsKey(identity) && _current.Servers.TryGetValue(identity, out var mine))
        {
            _current.Servers[identity] = PinEntryMerge.Merge(theirs, mine);
        }
        else
        {
            if (!_current.Servers.ContainsKey(identity))
            {
                MakeRoom();
            }

            _current.Servers[identity] = theirs;
        }

        _sharedVersions[identity] = version;
        // The pin file mirrors the shared copy: it is what re-seeds a ledger that lost its data.
        MarkDirty(identity);
    }

    /// <summary>Writes this instance's version of one server to the ledger (compare-and-set, merged on conflict). Returns why it could not, or null.</summary>
    private string? PushShared(string identity)
    {
        if (_ledger is not { } ledger)
        {
            return null;
        }

        for (var attempt = 0; attempt < WriteAttempts; attempt++)
        {
            byte[] bytes;
            string? expected;
            long generation;
            lock (_gate)
            {
                if (!_unshared.TryGetValue(identity, out generation))
                {
                    return null;
                }

                if (!_current.Servers.TryGetValue(identity, out var entry))
                {
                    _unshared.Remove(identity);
                    return null;
                }

                bytes = JsonSerializer.SerializeToUtf8Bytes(entry, EntryJson);
                expected = _sharedVersions.GetValueOrDefault(identity);
            }

            var version = Guid.NewGuid().ToString("N");
            PinLedgerWrite result;
            try
            {
                result = ledger.TryWrite(identity, bytes, expected, version);
            }
            catch (StateUnavailableException ex)
            {
                return Unreachable(ex);
            }

            Reachable();
            lock (_gate)
            {
                if (result.Full)
                {
                    _unshared.Remove(identity);
                    _log?.WriteLine($"[vanguard] pins: the shared pins hold {Limits.MaxServers} servers; '{AuditFieldBounds.Bound(identity, AuditFieldBounds.MaxIdentifierChars)}' stays in this instance's pin file only.");
                    return null;
                }

                if (result.Written)
                {
                    _sharedVersions[identity] = version;
                    if (_unshared.TryGetValue(identity, out var now) && now == generation)
                    {
                        _unshared.Remove(identity);
                    }

                    if (_unshared.ContainsKey(identity))
                    {
                        // Changed again while writing: the next round writes that too.
                        continue;
                    }

                    return null;
                }

                // Another instance wrote first: take its entry, merged with ours, and try again on top of it.
                Absorb(identity, result.Current);
            }
        }

        return null;
    }

    /// <summary>Brings every server up to the ledger before an approval; throws when it cannot answer (approvals need it).</summary>
    private void RequireShared()
    {
        if (_ledger is not null && SyncShared() is { } error)
        {
            throw new PinStoreException($"nothing approved: {error}. An approval must reach every instance; try again when the shared state is back.");
        }
    }

    /// <summary>Writes the approved servers to the ledger; throws when it cannot (the approval is in the pin file and is shared by the next sweep).</summary>
    private void ShareApproved(IEnumerable<string> identities)
    {
        if (_ledger is null)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var identity in identities)
            {
                _unshared[identity] = ++_generation;
            }
        }

        foreach (var identity in identities)
        {
            if (PushShared(identity) is { } error)
            {
                throw new PinStoreException($"approved in {FilePath ?? "memory"}, but not yet shared: {error}. A running gateway shares it when the shared state is back; or approve again then.");
            }
        }
    }

    /// <summary>Records a local change to be written to the ledger. Caller holds <see cref="_gate"/>.</summary>
    private void MarkUnshared(string identity)
    {
        if (_ledger is not null)
        {
            _unshared[identity] = ++_generation;
        }
    }

    /// <summary>The message for a ledger that did not answer; said once per outage, not once per list.</summary>
    private string Unreachable(StateUnavailableException ex)
    {
        var message = $"the shared pins ({_ledger?.Backend}) are unreachable ({ex.Message})";
        if (Interlocked.Exchange(ref _ledgerDown, 1) == 0)
        {
            _log?.WriteLine(_ledgerFallsBack
                ? $"[vanguard] warning: pins: {message}; comparing with this instance's pins until it is back (changes are merged then)."
                : $"[vanguard] warning: pins: {message}; strict profile: lists are not compared (PIN-005) and approvals are refused until it is back.");
        }

        return message;
    }

    private void Reachable()
    {
        if (Interlocked.Exchange(ref _ledgerDown, 0) == 1)
        {
            _log?.WriteLine($"[vanguard] pins: the shared pins ({_ledger?.Backend}) are reachable again.");
        }
    }
}
