namespace McpVanguard.Integrity;

/// <summary>
/// The shared copy of the pins that gateway instances agree on (<c>state.redis</c>): one entry per server identity (its
/// pins and pending changes, serialised as in the pin file), each under a version token for compare-and-set, and a feed
/// that says when another instance changed one. The pin file of each instance stays the durable copy: it mirrors what the
/// ledger holds and re-seeds a ledger that lost its data. Calls are synchronous (a comparison runs inside an inspector)
/// and bounded by the backend's timeout; every failure is a <see cref="McpVanguard.State.StateUnavailableException"/>.
/// Whoever creates it disposes it (the pin store only uses it).
/// </summary>
public interface IPinLedger : IAsyncDisposable
{
    /// <summary>Where the shared copy lives (<c>redis</c>, <c>memory</c>), for messages.</summary>
    string Backend { get; }

    /// <summary>Raised (on any thread) with a server identity whose entry some instance just changed.</summary>
    event Action<string>? Changed;

    /// <summary>One server's entry, unless its version is still <paramref name="knownVersion"/> (then <see cref="PinLedgerEntry.Unchanged"/>).</summary>
    PinLedgerEntry Read(string identity, string? knownVersion);

    /// <summary>The version of every entry, by server identity (bounded by <see cref="PinStoreLimits.MaxServers"/>).</summary>
    IReadOnlyDictionary<string, string> Versions();

    /// <summary>
    /// Writes <paramref name="entry"/> under <paramref name="newVersion"/> when the entry is still at
    /// <paramref name="expectedVersion"/> (null: absent); otherwise writes nothing and returns the entry as it is now.
    /// </summary>
    PinLedgerWrite TryWrite(string identity, byte[] entry, string? expectedVersion, string newVersion);
}

/// <summary>What <see cref="IPinLedger.Read"/> found.</summary>
/// <param name="Version">The entry's version; null when the ledger holds no entry for the server.</param>
/// <param name="Entry">The entry (UTF-8 JSON of a <see cref="PinnedServer"/>); null when absent or unchanged.</param>
public sealed record PinLedgerEntry(string? Version, byte[]? Entry)
{
    /// <summary>The entry is still at the version the caller knows: nothing to read.</summary>
    public static PinLedgerEntry Unchanged(string version) => new(version, null) { IsUnchanged = true };

    public bool IsUnchanged { get; private init; }
}

/// <summary>What <see cref="IPinLedger.TryWrite"/> did.</summary>
/// <param name="Written">The entry was written; otherwise <paramref name="Current"/> is what another instance wrote first.</param>
/// <param name="Full">Not written because the ledger already holds its bound of servers.</param>
public sealed record PinLedgerWrite(bool Written, PinLedgerEntry Current, bool Full = false);
