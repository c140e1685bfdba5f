using System.Text.Json;

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
}
