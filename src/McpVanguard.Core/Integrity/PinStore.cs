using System.Text.Json;
using McpVanguard.Audit;

namespace McpVanguard.Integrity;

/// <summary>
/// The pin file on disk, shared by every session of this process and by other vanguard processes. Comparisons run in
/// memory (they sit inside an inspector's time budget); changes are written in the background as a read-modify-write
/// under an exclusive lock file, merged with what other processes wrote, into a temporary file renamed over the old one,
/// so readers never see half a file and concurrent writers never lose each other's servers. An in-memory store
/// (<see cref="InMemory"/>) has no file at all: replay gives each case one, so a case starts from trust on first use.
/// </summary>
public sealed partial class PinStore
{
    /// <summary>How long a writer waits for another process's lock before giving up on this write (the next change retries).</summary>
    private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(5);

    /// <summary>A server's last-seen time is refreshed (one write) at most this often, not on every listing.</summary>
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromHours(1);

    /// <summary>Guards the in-memory pins, the dirty set and the loaded file's stamp; never held during a write.</summary>
    private readonly Lock _gate = new();

    /// <summary>One writer at a time in this process (other processes are kept out by the lock file).</summary>
    private readonly Lock _writeGate = new();

    private readonly PinFile? _baseline;
    private readonly TextWriter? _log;
    private readonly bool _readOnly;
    private readonly TimeProvider _time;

    /// <summary>Servers changed in memory and not yet written, with the generation of their last change.</summary>
    private readonly Dictionary<string, long> _dirty = new(StringComparer.Ordinal);
    private long _generation;
    private int _flushQueued;
    private PinFile _current = new();

    /// <summary>When <see cref="IsHeld"/> last looked at the file.</summary>
    private long _heldCheckStamp;

    /// <summary>How stale the held-item view of a call may be (an approval by another process shows within this).</summary>
    private static readonly TimeSpan HeldRecheck = TimeSpan.FromSeconds(1);

    /// <summary>Strict: everything not pinned yet is held, except on the server's first list (trust on first use).</summary>
    private static readonly Func<ObservedTool, bool, bool> HoldAfterPinning = static (_, first) => !first;

    private static readonly Func<ObservedTool, bool, bool> HoldNothing = static (_, _) => false;
    private (DateTime WrittenUtc, long Length)? _loadedStamp;

    /// <param name="path">The pin file; created (with its folder) on the first write.</param>
    /// <param name="baseline">Approved pins used in place of trust on first use for the servers it names.</param>
    /// <param name="readOnly">Compare only, never write (<c>vanguard scan</c>): first-sight pins live in memory.</param>
    public PinStore(string path, PinFile? baseline = null, PinStoreLimits? limits = null, TextWriter? log = null, bool readOnly = false, TimeProvider? time = null)
    {
        FilePath = Path.GetFullPath(path);
        _baseline = baseline;
        Limits = limits ?? PinStoreLimits.Default;
        _log = log;
        _readOnly = readOnly;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>An in-memory store: no file, never written.</summary>
    private PinStore(PinFile? baseline, PinStoreLimits? limits, TimeProvider? time)
    {
        FilePath = null;
        _baseline = baseline;
        Limits = limits ?? PinStoreLimits.Default;
        _readOnly = true;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The pin file; null for an in-memory store.</summary>
    public string? FilePath { get; }

    /// <summary>The pins live in this object only: nothing is read from or written to a file.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(FilePath))]
    public bool IsInMemory => FilePath is null;

    /// <summary>The file of a file-backed store; only the file paths below use it, after checking <see cref="IsInMemory"/>.</summary>
    private string DiskPath => FilePath ?? throw new InvalidOperationException("An in-memory pin store has no file.");

    public PinStoreLimits Limits { get; }

    /// <summary>A store that never touches a file, bounded by <paramref name="limits"/> like the file is; <see cref="Reset"/> empties it.</summary>
    /// <param name="baseline">Approved pins used in place of trust on first use for the servers it names.</param>
    public static PinStore InMemory(PinFile? baseline = null, PinStoreLimits? limits = null, TimeProvider? time = null)
        => new(baseline, limits, time);

    /// <summary>Forgets every pin and pending change of an in-memory store, so that what follows starts from first sight.</summary>
    /// <exception cref="InvalidOperationException">The store has a file: forgetting the user's approvals is never silent.</exception>
    public void Reset()
    {
        if (!IsInMemory)
        {
            throw new InvalidOperationException("Only an in-memory pin store can be reset.");
        }

        lock (_gate)
        {
            _current = new PinFile();
            _dirty.Clear();
            _generation = 0;
        }
    }

    /// <summary>Reads a pin or baseline file; throws <see cref="PinStoreException"/> naming the file when it is not one.</summary>
    public static PinFile ReadFile(string path, long maxBytes = 64L * 1024 * 1024)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > maxBytes)
            {
                throw new PinStoreException($"{path}: {info.Length} bytes is larger than the {maxBytes}-byte limit for a pin file.");
            }

            using var stream = File.OpenRead(path);
            var file = JsonSerializer.Deserialize(stream, PinFile.TypeInfo) ?? throw new PinStoreException($"{path}: empty pin file.");
            if (file.Version is < PinFile.OldestReadableVersion or > PinFile.CurrentVersion)
            {
                throw new PinStoreException($"{path}: pin file version {file.Version} is not supported (expected {PinFile.OldestReadableVersion} to {PinFile.CurrentVersion}).");
            }

            return file;
        }
        catch (JsonException ex)
        {
            throw new PinStoreException($"{path}: not a valid pin file ({ex.Message}).", ex);
        }
        catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PinStoreException($"{path}: no such file.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PinStoreException($"{path}: cannot be read ({ex.Message}).", ex);
        }
    }

    /// <summary>
    /// Loads the file and prepares serialisation ahead of the first <c>tools/list</c> (call it in the background at start-up):
    /// the first comparison then costs microseconds, not the milliseconds of a cold read.
    /// </summary>
    public void WarmUp()
    {
        try
        {
            lock (_gate)
            {
                Reload();
            }

            JsonSerializer.Serialize(Stream.Null, new PinFile { Servers = { ["warm-up"] = new PinnedServer { Upstream = "warm-up", Pending = { ["t"] = new PendingChange(PinChange.Added, "0", null, default, default) } } } }, PinFile.TypeInfo);
            _ = ToolFingerprint.CanonicalJson(JsonDocument.Parse("""{"name":"t","inputSchema":{"type":"object"}}""").RootElement);
        }
        catch (PinStoreException ex)
        {
            _log?.WriteLine($"[vanguard] pins: {ex.Message}");
        }
    }

    /// <summary>The pins as they are on disk now (with this process's unwritten changes), or an empty file when there is none yet.</summary>
    public PinFile Snapshot()
    {
        // Shared pins: brought up to the ledger first (when it cannot answer, this instance's pins are shown).
        _ = SyncShared();
        lock (_gate)
        {
            Reload();
            return _current;
        }
    }

    /// <summary>
    /// Compares one <c>tools/list</c> result of <paramref name="server"/> with its pins, records what changed (pins on first
    /// sight, pending changes after) and reports the changes. The file is written in the background.
    /// </summary>
    /// <param name="complete">The list is the whole set (no <c>nextCursor</c>), so absent pinned tools count as removed.</param>
    /// <param name="holdNewTools">Withhold tools that appear after pinning until approved (strict), instead of pinning them on first use.</param>
    public PinObservation Observe(ServerKey server, IReadOnlyList<ObservedTool> tools, bool complete, bool holdNewTools)
        => Observe(server, PinnedList.Tools, tools, complete, holdNewTools ? HoldAfterPinning : null);

    /// <summary>
    /// Compares one list result (<paramref name="list"/> says which) of <paramref name="server"/> with its pins, records what
    /// changed and reports it. The file is written in the background.
    /// </summary>
    /// <param name="complete">The items (with <paramref name="present"/>) are the whole list, so absent pinned items count as removed.</param>
    /// <param name="hold">Decides, for an item not pinned yet, whether it is withheld until approved instead of pinned on first
    /// use; its second argument is true on the server's first list of this kind. Null holds nothing.</param>
    /// <param name="present">Names also in the list but not compared (on earlier pages, or repeated in one list).</param>
    /// <param name="continuesFirstSight">A later page of a walk whose first page was the server's first list of this kind: trusted on first use too.</param>
    public PinObservation Observe(ServerKey server, PinnedList list, IReadOnlyList<ObservedTool> items, bool complete, Func<ObservedTool, bool, bool>? hold, IReadOnlyCollection<string>? present = null, bool continuesFirstSight = false)
    {
        // Shared pins: another instance's approval or pending change is taken in before this comparison (one round trip,
        // outside the lock so that calls checking held items never wait for it).
        if (PullShared(server.Identity) is { } unreachable && !_ledgerFallsBack)
        {
            return PinObservation.Unavailable(unreachable);
        }

        PinObservation observation;
        bool modified;
        lock (_gate)
        {
            try
            {
                Reload();
            }
            catch (PinStoreException ex)
            {
                _log?.WriteLine($"[vanguard] pins: {ex.Message}");
                return PinObservation.Unavailable(ex.Message);
            }

            observation = Compare(server, list, items, complete, hold ?? HoldNothing, present ?? [], continuesFirstSight, out modified);
            if (modified)
            {
                MarkDirty(server.Identity);
                MarkUnshared(server.Identity);
            }
        }

        if (modified)
        {
            // Shared before this list's result goes on, so that every instance's next comparison sees it; when the ledger
            // cannot answer, the change stays marked and the periodic sync writes it when it is back.
            _ = PushShared(server.Identity);
        }

        return observation;
    }

    /// <summary>
    /// True when the item of <paramref name="kind"/> named <paramref name="name"/> awaits approval at this server (a changed or
    /// withheld definition): every session of the upstream refuses it, also one that never listed it (QUAR-002).
    /// </summary>
    public bool IsHeld(ServerKey server, PinKind kind, string name)
    {
        lock (_gate)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            if (System.Diagnostics.Stopwatch.GetElapsedTime(_heldCheckStamp, now) > HeldRecheck)
            {
                // A call path must not stat the file on every call; an approval made by another process is seen within a second.
                _heldCheckStamp = now;
                try
                {
                    Reload();
                }
                catch (PinStoreException)
                {
                    // The last good pins still apply; the next list reports the unreadable file (PIN-005).
                }
            }

            return _current.Servers.TryGetValue(server.Identity, out var entry)
                && entry.Of(kind) is { } items
                && items.Pending.TryGetValue(name, out var change)
                && change.Change is PinChange.Changed or PinChange.Added;
        }
    }

    /// <summary>Writes every change made so far (waits for a background write in progress). Call before the process exits.</summary>
    public void Flush()
    {
        if (!_readOnly)
        {
            WriteDirty();
        }
    }

    /// <summary>
    /// Accepts pending changes into the pins: of the servers matching <paramref name="serverSelector"/> (all when null),
    /// for <paramref name="tool"/> only or every tool when null. Returns the approved changes per server identity.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Approve(string? serverSelector, string? tool)
        => Approve(serverSelector, tool, PinKind.Tool);

    /// <summary>
    /// Accepts pending changes of <paramref name="kind"/> (every kind when null) into the pins: of the servers matching
    /// <paramref name="serverSelector"/> (all when null), for the item named <paramref name="name"/> only or every item when
    /// null. Returns the approved changes per server identity (items of other kinds than tools as <c>kind:name</c>).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Approve(string? serverSelector, string? name, PinKind? kind)
    {
        // Shared pins: an approval is made on the deployment's current pins, and refused when they cannot be reached.
        RequireShared();
        var approved = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        lock (_gate)
        {
            Reload();
            foreach (var (identity, server) in Select(_current, serverSelector).ToList())
            {
                var done = new List<string>();
                foreach (var list in PinnedList.All.Where(l => kind is null || l.Kind == kind))
                {
                    if (server.Of(list.Kind) is not var (pins, pending))
                    {
                        continue;
                    }

                    foreach (var key in pending.Keys.Where(k => name is null || k == name).ToList())
                    {
                        var change = pending[key];
                        if (change.Change == PinChange.Removed)
                        {
                            pins.Remove(key);
                        }
                        else if (change.Sha256 is { } sha)
                        {
                            pins[key] = new PinnedTool(sha, change.Definition, _time.GetUtcNow());
                        }

                        pending.Remove(key);
                        done.Add(list.Kind == PinKind.Tool ? key : Label(list.Kind) + ":" + key);
                    }
                }

                if (done.Count > 0)
                {
                    approved[identity] = done;
                    _dirty[identity] = ++_generation;
                }
            }
        }

        if (approved.Count > 0 && !WriteDirty())
        {
            throw new PinStoreException($"{FilePath}: the approval could not be written.");
        }

        // Acknowledged only once durable (the pin file above) and shared (the ledger): every instance's next comparison sees it.
        ShareApproved(approved.Keys);
        return approved;
    }

    /// <summary>The servers of <paramref name="file"/> whose identity, upstream, <c>serverInfo</c> name or server id equals <paramref name="selector"/> (all when null).</summary>
    public static IEnumerable<KeyValuePair<string, PinnedServer>> Select(PinFile file, string? selector)
        => file.Servers.Where(kv => selector is null
            || kv.Key == selector
            || kv.Value.Upstream == selector
            || kv.Value.ServerName == selector
            || kv.Value.ServerId == selector);

    /// <summary>How a kind is named on the command line and in approval reports.</summary>
    public static string Label(PinKind kind) => kind switch
    {
        PinKind.Tool => "tool",
        PinKind.Prompt => "prompt",
        PinKind.Resource => "resource",
        _ => "template",
    };

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
            else if (list.Kind == PinKind.ResourceTemplate && RepointedTemplate(item, pinned, items) is not null)
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

    /// <summary>
    /// The uriTemplate of a pinned template that <paramref name="item"/> replaces: same <c>name</c>, and no longer listed under its own
    /// uriTemplate. Null when there is none (a new template with a new name is an addition).
    /// </summary>
    private static string? RepointedTemplate(ObservedTool item, Dictionary<string, PinnedTool> pinned, IReadOnlyList<ObservedTool> items)
    {
        var name = MemberOf(item.CanonicalJson, "name");
        if (name is null)
        {
            return null;
        }

        foreach (var (key, pin) in pinned)
        {
            if (pin.Definition is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                && n.ValueEquals(name) && !items.Any(i => i.Name == key))
            {
                return key;
            }
        }

        return null;
    }

    private static string? MemberOf(byte[] canonicalJson, string member)
    {
        var reader = new Utf8JsonReader(canonicalJson);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMember = reader.ValueTextEquals(member);
            if (!reader.Read())
            {
                return null;
            }

            if (isMember)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
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

    private void MarkDirty(string identity)
    {
        if (IsInMemory)
        {
            // No file to bring up to date, so nothing to remember either (and nothing that grows).
            return;
        }

        _dirty[identity] = ++_generation;
        if (!_readOnly && Interlocked.Exchange(ref _flushQueued, 1) == 0)
        {
            // Off the inspection path: a cold serialiser and an fsync cost tens of milliseconds.
            _ = Task.Run(() =>
            {
                Interlocked.Exchange(ref _flushQueued, 0);
                WriteDirty();
            });
        }
    }

    /// <summary>Re-reads the file when another process changed it, keeping this process's unwritten changes on top. Caller holds <see cref="_gate"/>.</summary>
    private void Reload()
    {
        if (IsInMemory)
        {
            return;
        }

        var info = new FileInfo(DiskPath);
        (DateTime, long)? stamp = info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
        if (stamp == _loadedStamp)
        {
            return;
        }

        var disk = stamp is null ? new PinFile() : ReadFile(DiskPath, Limits.MaxFileBytes);
        Overlay(disk, _dirty.Keys);
        _current = disk;
        _loadedStamp = stamp;
    }

    /// <summary>Puts this process's version of <paramref name="identities"/> into <paramref name="file"/> (removing those it dropped).</summary>
    private void Overlay(PinFile file, IEnumerable<string> identities)
    {
        foreach (var identity in identities)
        {
            if (_current.Servers.TryGetValue(identity, out var mine))
            {
                file.Servers[identity] = mine;
            }
            else
            {
                file.Servers.Remove(identity);
            }
        }
    }

    /// <summary>Merges the changed servers into the file as it is on disk now and writes it atomically; false when it could not.</summary>
    private bool WriteDirty()
    {
        if (IsInMemory)
        {
            // Nothing to write to: what is in memory is the whole store.
            lock (_gate)
            {
                _dirty.Clear();
            }

            return true;
        }

        lock (_writeGate)
        {
            lock (_gate)
            {
                if (_dirty.Count == 0)
                {
                    // Already written by an earlier call: touch nothing (not even the lock file).
                    return true;
                }
            }

            try
            {
                using var fileLock = AcquireFileLock();
                var disk = File.Exists(DiskPath) ? ReadFile(DiskPath, Limits.MaxFileBytes) : new PinFile();
                byte[] bytes;
                long written;
                lock (_gate)
                {
                    if (_dirty.Count == 0)
                    {
                        return true;
                    }

                    written = _generation;
                    Overlay(disk, _dirty.Keys);
                    while (disk.Servers.Count > Limits.MaxServers)
                    {
                        disk.Servers.Remove(disk.Servers.MinBy(static kv => kv.Value.LastSeen).Key);
                    }

                    // Written as the current version whatever was read: an older vanguard then refuses it (PIN-005) rather than drop what it does not know.
                    disk = disk with { Version = PinFile.CurrentVersion };
                    bytes = JsonSerializer.SerializeToUtf8Bytes(disk, PinFile.TypeInfo);
                }

                WriteAtomically(bytes);
                var info = new FileInfo(DiskPath);
                lock (_gate)
                {
                    // Changes made while writing stay dirty (and on top); the rest is now on disk.
                    var later = _dirty.Where(kv => kv.Value > written).Select(static kv => kv.Key).ToList();
                    Overlay(disk, later);
                    _current = disk;
                    _loadedStamp = (info.LastWriteTimeUtc, info.Length);
                    foreach (var identity in _dirty.Keys.Except(later).ToList())
                    {
                        _dirty.Remove(identity);
                    }
                }

                return true;
            }
            catch (PinStoreException ex)
            {
                // The pins stay in memory for this process; the next change tries the write again.
                _log?.WriteLine($"[vanguard] pins: {ex.Message}");
                return false;
            }
        }
    }

    private void WriteAtomically(byte[] bytes)
    {
        var folder = Path.GetDirectoryName(DiskPath)!;
        var temporary = Path.Join(folder, $".{Path.GetFileName(DiskPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            // Atomic on the same file system: a reader sees the old file or the new one, never a mix.
            File.Move(temporary, DiskPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do; the message below names the real failure.
            }

            throw new PinStoreException($"{DiskPath}: cannot be written ({ex.Message}).", ex);
        }
    }

    /// <summary>An exclusive lock on <c>FILE.lock</c> (an advisory <c>flock</c> on Unix) held for one read-modify-write.</summary>
    private FileStream AcquireFileLock()
    {
        var lockPath = DiskPath + ".lock";
        var deadline = DateTime.UtcNow + LockPatience;
        while (true)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new PinStoreException($"{lockPath}: cannot take the pin file lock ({ex.Message}).", ex);
            }
        }
    }
}
