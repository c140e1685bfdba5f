using System.Text.Json;
using McpVanguard.Audit;

namespace McpVanguard.Integrity;

/// <summary>
/// The comparison of one listing with its pins: trust on first use, drift recorded as pending changes, and the bounds that
/// keep the pins of one server and of the whole file from growing without limit.
/// </summary>
public sealed partial class PinStore
{
    private PinObservation Compare(ServerKey key, PinnedList list, IReadOnlyList<ObservedTool> items, bool complete, Func<ObservedTool, bool, bool> hold, IReadOnlyCollection<string> present, bool continuesFirstSight, out bool modified)
    {
        var now = _time.GetUtcNow();
        modified = false;
        string? renamedFrom = null;
        var created = false;
        if (!_current.Servers.TryGetValue(key.Identity, out var server))
        {
            // A server that renames itself must not shed its pins: the same upstream's previous pins still apply.
            var previous = _current.Servers.Values
                .Where(s => s.Upstream == key.Upstream && s.ServerName != key.ServerName)
                .MaxBy(static s => s.LastSeen);
            var fromBaseline = _baseline?.Servers.GetValueOrDefault(key.Identity);
            var seed = fromBaseline ?? previous;
            renamedFrom = fromBaseline is null && previous is not null ? previous.ServerName ?? "(no name)" : null;
            server = new PinnedServer { Upstream = key.Upstream, ServerName = key.ServerName, ServerId = key.ServerId, FirstSeen = now, LastSeen = now };
            created = seed is null;
            if (seed is not null)
            {
                foreach (var (name, pin) in seed.Tools)
                {
                    server.Tools[name] = pin;
                }

                foreach (var other in PinnedList.All.Where(static l => l.Kind != PinKind.Tool))
                {
                    if (seed.Of(other.Kind) is var (pins, _))
                    {
                        var (into, _) = server.Create(other.Kind);
                        foreach (var (name, pin) in pins)
                        {
                            into[name] = pin;
                        }
                    }
                }
            }

            MakeRoom();
            _current.Servers[key.Identity] = server;
            modified = true;
        }

        var firstSight = continuesFirstSight || (created && list.Kind == PinKind.Tool);
        if (server.Of(list.Kind) is not var (pinned, pending))
        {
            // The first list of this kind from a server pinned before (or by an older version): trust on first use.
            (pinned, pending) = server.Create(list.Kind);
            firstSight = true;
            modified = true;
        }

        if (firstSight)
        {
            // Trust on first use: this list becomes the pins, except what the caller withholds outright.
            var held = new List<ToolChange>();
            foreach (var item in Distinct(items))
            {
                if (hold(item, true) || (list.ReportsMembership && pinned.Count >= Limits.MaxToolsPerServer))
                {
                    held.Add(new ToolChange(item.Name, item.Index, PinChange.Added, Hold: true));
                    modified |= RecordPending(server, pending, item.Name, PinChange.Added, item, now);
                }
                else if (pinned.Count < Limits.MaxToolsPerServer)
                {
                    pinned[item.Name] = new PinnedTool(item.Sha256, StoredDefinition(item), now);
                    modified = true;
                }
            }

            return new PinObservation(held, FirstSight: true, renamedFrom, null);
        }

        if (now - server.LastSeen > LastSeenResolution || server.ServerId != key.ServerId)
        {
            server.LastSeen = now;
            server.ServerId = key.ServerId;
            modified = true;
        }

        var changes = new List<ToolChange>();
        var seen = new HashSet<string>(present, StringComparer.Ordinal);
        foreach (var item in Distinct(items))
        {
            seen.Add(item.Name);
            if (pinned.TryGetValue(item.Name, out var pin))
            {
                if (pin.Sha256 == item.Sha256)
                {
                    // Back to the approved definition: alone, whatever was pending for it is moot. Shared, another instance
                    // may still be served the changed one (one server, two answers is itself a rug pull): only an approval
                    // settles it, or one instance seeing the old definition would lift the hold for every instance.
                    if (_ledger is null)
                    {
                        modified |= pending.Remove(item.Name);
                    }

                    continue;
                }

                changes.Add(new ToolChange(item.Name, item.Index, PinChange.Changed, Hold: true));
                modified |= RecordPending(server, pending, item.Name, PinChange.Changed, item, now);
            }
            else if (list.Kind == PinKind.ResourceTemplate && TemplateRepointing.PinnedKeyReplacedBy(item, pinned, items) is not null)
            {
                // A template keyed by a new uriTemplate under the name of a pinned one (no longer listed) is that template re-pointed
                // (file:///project/{path} becoming file:///{path}): a change of definition, not a removal plus an addition.
                changes.Add(new ToolChange(item.Name, item.Index, PinChange.Changed, Hold: true));
                modified |= RecordPending(server, pending, item.Name, PinChange.Changed, item, now);
            }
            else if (hold(item, false) is var withheld && !withheld && pinned.Count < Limits.MaxToolsPerServer && !pending.ContainsKey(item.Name))
            {
                // A new item is trusted on first use like the first list was, and reported; a later change to it is drift.
                pinned[item.Name] = new PinnedTool(item.Sha256, StoredDefinition(item), now);
                if (list.ReportsMembership)
                {
                    changes.Add(new ToolChange(item.Name, item.Index, PinChange.Added, Hold: false));
                }

                modified = true;
            }
            else if (list.ReportsMembership || withheld || pending.ContainsKey(item.Name))
            {
                changes.Add(new ToolChange(item.Name, item.Index, PinChange.Added, Hold: true));
                modified |= RecordPending(server, pending, item.Name, PinChange.Added, item, now);
            }
        }

        if (complete)
        {
            foreach (var name in pinned.Keys.Where(n => !seen.Contains(n)).Order(StringComparer.Ordinal).ToList())
            {
                if (!list.ReportsMembership)
                {
                    // A resource that went away is ordinary churn: forget it, so that the pins do not grow with history.
                    pinned.Remove(name);
                    pending.Remove(name);
                    modified = true;
                    continue;
                }

                changes.Add(new ToolChange(name, -1, PinChange.Removed, Hold: false));
                modified |= RecordPending(server, pending, name, PinChange.Removed, null, now);
            }

            // A held new item that disappeared again has nothing left to approve.
            foreach (var name in pending.Where(kv => kv.Value.Change == PinChange.Added && !seen.Contains(kv.Key)).Select(kv => kv.Key).ToList())
            {
                modified |= pending.Remove(name);
            }
        }

        return new PinObservation(changes, FirstSight: false, renamedFrom, null);
    }

    /// <summary>Records a pending change unless the same one is already recorded; true when the file must be written.</summary>
    private bool RecordPending(PinnedServer server, Dictionary<string, PendingChange> pending, string name, PinChange change, ObservedTool? tool, DateTimeOffset now)
    {
        if (pending.TryGetValue(name, out var existing) && existing.Change == change && existing.Sha256 == tool?.Sha256)
        {
            return false;
        }

        if (existing is null && pending.Count >= Limits.MaxToolsPerServer)
        {
            // Still reported and still held; only the record for a later approval is dropped.
            // The tool name comes from the server: bounded and escaped so that it cannot flood or forge a log line.
            _log?.WriteLine($"[vanguard] pins: too many pending changes for '{AuditFieldBounds.Bound(server.Upstream, AuditFieldBounds.MaxIdentifierChars)}'; not recording '{AuditFieldBounds.Bound(name, AuditFieldBounds.MaxIdentifierChars)}'.");
            return false;
        }

        pending[name] = new PendingChange(change, tool?.Sha256, tool is null ? null : StoredDefinition(tool), existing?.FirstSeen ?? now, now);
        return true;
    }

    private JsonElement? StoredDefinition(ObservedTool tool)
        => tool.CanonicalJson.Length > Limits.MaxDefinitionBytes ? null : JsonDocument.Parse(tool.CanonicalJson).RootElement.Clone();

    /// <summary>Duplicate names in one list (the inspector reports and withholds them, PIN-006): the first one counts here.</summary>
    private static IEnumerable<ObservedTool> Distinct(IReadOnlyList<ObservedTool> tools) => tools.DistinctBy(static t => t.Name, StringComparer.Ordinal);

    private void MakeRoom()
    {
        while (_current.Servers.Count >= Limits.MaxServers)
        {
            var oldest = _current.Servers.MinBy(static kv => kv.Value.LastSeen).Key;
            _log?.WriteLine($"[vanguard] pins: the pin file holds {Limits.MaxServers} servers; forgetting '{AuditFieldBounds.Bound(oldest, AuditFieldBounds.MaxIdentifierChars)}', seen longest ago.");
            _current.Servers.Remove(oldest);
            if (!IsInMemory)
            {
                _dirty[oldest] = ++_generation;
            }
        }
    }
}
