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
public sealed class PinStore
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
            if (file.Version != PinFile.CurrentVersion)
            {
                throw new PinStoreException($"{path}: pin file version {file.Version} is not supported (expected {PinFile.CurrentVersion}).");
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
    {
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

            var observation = Compare(server, tools, complete, holdNewTools, out var modified);
            if (modified)
            {
                MarkDirty(server.Identity);
            }

            return observation;
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
    {
        var approved = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        lock (_gate)
        {
            Reload();
            foreach (var (identity, server) in Select(_current, serverSelector).ToList())
            {
                var names = server.Pending.Keys.Where(name => tool is null || name == tool).ToList();
                foreach (var name in names)
                {
                    var change = server.Pending[name];
                    if (change.Change == PinChange.Removed)
                    {
                        server.Tools.Remove(name);
                    }
                    else if (change.Sha256 is { } sha)
                    {
                        server.Tools[name] = new PinnedTool(sha, change.Definition, _time.GetUtcNow());
                    }

                    server.Pending.Remove(name);
                }

                if (names.Count > 0)
                {
                    approved[identity] = names;
                    _dirty[identity] = ++_generation;
                }
            }
        }

        if (approved.Count > 0 && !WriteDirty())
        {
            throw new PinStoreException($"{FilePath}: the approval could not be written.");
        }

        return approved;
    }

    /// <summary>The servers of <paramref name="file"/> whose identity, upstream, <c>serverInfo</c> name or server id equals <paramref name="selector"/> (all when null).</summary>
    public static IEnumerable<KeyValuePair<string, PinnedServer>> Select(PinFile file, string? selector)
        => file.Servers.Where(kv => selector is null
            || kv.Key == selector
            || kv.Value.Upstream == selector
            || kv.Value.ServerName == selector
            || kv.Value.ServerId == selector);

    private PinObservation Compare(ServerKey key, IReadOnlyList<ObservedTool> tools, bool complete, bool holdNewTools, out bool modified)
    {
        var now = _time.GetUtcNow();
        modified = false;
        string? renamedFrom = null;
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
            if (seed is not null)
            {
                foreach (var (name, pin) in seed.Tools)
                {
                    server.Tools[name] = pin;
                }
            }

            MakeRoom();
            _current.Servers[key.Identity] = server;
            modified = true;
            if (seed is null)
            {
                // Trust on first use: this list becomes the pins.
                var held = new List<ToolChange>();
                foreach (var tool in Distinct(tools))
                {
                    if (server.Tools.Count < Limits.MaxToolsPerServer)
                    {
                        server.Tools[tool.Name] = new PinnedTool(tool.Sha256, StoredDefinition(tool), now);
                    }
                    else
                    {
                        held.Add(new ToolChange(tool.Name, tool.Index, PinChange.Added, Hold: true));
                    }
                }

                return new PinObservation(held, FirstSight: true, null, null);
            }
        }

        if (now - server.LastSeen > LastSeenResolution || server.ServerId != key.ServerId)
        {
            server.LastSeen = now;
            server.ServerId = key.ServerId;
            modified = true;
        }

        var changes = new List<ToolChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tool in Distinct(tools))
        {
            seen.Add(tool.Name);
            if (server.Tools.TryGetValue(tool.Name, out var pin))
            {
                if (pin.Sha256 == tool.Sha256)
                {
                    // Back to the approved definition: whatever was pending for it is moot.
                    modified |= server.Pending.Remove(tool.Name);
                    continue;
                }

                changes.Add(new ToolChange(tool.Name, tool.Index, PinChange.Changed, Hold: true));
                modified |= RecordPending(server, tool.Name, PinChange.Changed, tool, now);
            }
            else if (!holdNewTools && server.Tools.Count < Limits.MaxToolsPerServer && !server.Pending.ContainsKey(tool.Name))
            {
                // A new tool is trusted on first use like the first list was, and reported; a later change to it is drift.
                server.Tools[tool.Name] = new PinnedTool(tool.Sha256, StoredDefinition(tool), now);
                changes.Add(new ToolChange(tool.Name, tool.Index, PinChange.Added, Hold: false));
                modified = true;
            }
            else
            {
                changes.Add(new ToolChange(tool.Name, tool.Index, PinChange.Added, Hold: true));
                modified |= RecordPending(server, tool.Name, PinChange.Added, tool, now);
            }
        }

        if (complete)
        {
            foreach (var name in server.Tools.Keys.Where(n => !seen.Contains(n)).Order(StringComparer.Ordinal).ToList())
            {
                changes.Add(new ToolChange(name, -1, PinChange.Removed, Hold: false));
                modified |= RecordPending(server, name, PinChange.Removed, null, now);
            }

            // A held new tool that disappeared again has nothing left to approve.
            foreach (var name in server.Pending.Where(kv => kv.Value.Change == PinChange.Added && !seen.Contains(kv.Key)).Select(kv => kv.Key).ToList())
            {
                modified |= server.Pending.Remove(name);
            }
        }

        return new PinObservation(changes, FirstSight: false, renamedFrom, null);
    }

    /// <summary>Records a pending change unless the same one is already recorded; true when the file must be written.</summary>
    private bool RecordPending(PinnedServer server, string name, PinChange change, ObservedTool? tool, DateTimeOffset now)
    {
        if (server.Pending.TryGetValue(name, out var existing) && existing.Change == change && existing.Sha256 == tool?.Sha256)
        {
            return false;
        }

        if (existing is null && server.Pending.Count >= Limits.MaxToolsPerServer)
        {
            // Still reported and still held; only the record for a later approval is dropped.
            // The tool name comes from the server: bounded and escaped so that it cannot flood or forge a log line.
            _log?.WriteLine($"[vanguard] pins: too many pending changes for '{AuditFieldBounds.Bound(server.Upstream, AuditFieldBounds.MaxIdentifierChars)}'; not recording '{AuditFieldBounds.Bound(name, AuditFieldBounds.MaxIdentifierChars)}'.");
            return false;
        }

        server.Pending[name] = new PendingChange(change, tool?.Sha256, tool is null ? null : StoredDefinition(tool), existing?.FirstSeen ?? now, now);
        return true;
    }

    private JsonElement? StoredDefinition(ObservedTool tool)
        => tool.CanonicalJson.Length > Limits.MaxDefinitionBytes ? null : JsonDocument.Parse(tool.CanonicalJson).RootElement.Clone();

    /// <summary>Duplicate names in one list: the first one counts (the one a client would most likely keep).</summary>
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
