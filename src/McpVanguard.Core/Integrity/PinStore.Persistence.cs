using System.Text.Json;

namespace McpVanguard.Integrity;

/// <summary>
/// The pin file on disk: read and validated, re-read when another process changed it (this process's unwritten changes kept
/// on top), and written in the background as a merge with what is on disk now.
/// </summary>
public sealed partial class PinStore
{
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
                using var fileLock = PinFileWriter.AcquireLock(DiskPath);
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

                PinFileWriter.WriteAtomically(DiskPath, bytes);
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
}
