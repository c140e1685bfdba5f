namespace McpVanguard.Integrity;

/// <summary>
/// Merges two copies of one server's pins that changed apart (an instance's local changes against the shared copy after a
/// write conflict or an outage, or two pin files re-seeding an emptied ledger). It never invents an approval: a pin comes
/// from one of the copies as it is, a conflict between two pins goes to the later one (an approval is newer than the pin it
/// replaces), pending changes are the union (the later sighting of the same item wins), and only a pending change the
/// winning pin already settles (same fingerprint) is dropped. A removal approved on one side may come back as pending.
/// </summary>
public static class PinEntryMerge
{
    public static PinnedServer Merge(PinnedServer shared, PinnedServer local)
    {
        var merged = new PinnedServer
        {
            Upstream = shared.Upstream,
            ServerName = shared.ServerName,
            ServerId = local.ServerId ?? shared.ServerId,
            FirstSeen = Min(shared.FirstSeen, local.FirstSeen),
            LastSeen = Max(shared.LastSeen, local.LastSeen),
        };
        foreach (var list in PinnedList.All)
        {
            var theirs = shared.Of(list.Kind);
            var mine = local.Of(list.Kind);
            if (theirs is null && mine is null)
            {
                continue;
            }

            var (pins, pending) = merged.Create(list.Kind);
            MergeInto(pins, pending, theirs, mine);
        }

        return merged;
    }

    private static void MergeInto(
        Dictionary<string, PinnedTool> pins,
        Dictionary<string, PendingChange> pending,
        (Dictionary<string, PinnedTool> Pins, Dictionary<string, PendingChange> Pending)? theirs,
        (Dictionary<string, PinnedTool> Pins, Dictionary<string, PendingChange> Pending)? mine)
    {
        foreach (var side in new[] { theirs, mine })
        {
            if (side is not var (sidePins, sidePending))
            {
                continue;
            }

            foreach (var (name, pin) in sidePins)
            {
                if (!pins.TryGetValue(name, out var existing) || (existing.Sha256 != pin.Sha256 && pin.Pinned > existing.Pinned))
                {
                    pins[name] = pin;
                }
            }

            foreach (var (name, change) in sidePending)
            {
                if (!pending.TryGetValue(name, out var existing) || change.LastSeen > existing.LastSeen)
                {
                    pending[name] = change;
                }
            }
        }

        foreach (var (name, change) in pending.ToList())
        {
            var settled = change.Change == PinChange.Removed
                ? !pins.ContainsKey(name)
                : pins.TryGetValue(name, out var pin) && pin.Sha256 == change.Sha256;
            if (settled)
            {
                pending.Remove(name);
            }
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
