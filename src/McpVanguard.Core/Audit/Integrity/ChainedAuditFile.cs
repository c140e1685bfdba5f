namespace McpVanguard.Audit.Integrity;

/// <summary>
/// A rotating audit file whose lines form one hash chain (<see cref="AuditChainLine"/>), across rotation (the first line
/// of a new file links to the last of the previous one), restarts and processes sharing the file: each batch takes the
/// cross-process lock, continues from the file's real last line, appends and flushes. Used by one writer task only.
/// </summary>
internal sealed class ChainedAuditFile : IDisposable
{
    private readonly RotatingJsonlFile _file;
    private readonly AuditFileLock _lock;
    private bool _inBatch;
    private bool _synced;
    private long _seq;
    private byte[] _head = new byte[32];

    public ChainedAuditFile(string path, long maxBytes, int maxFiles, TimeSpan protectYoungerThan, Func<string, Stream>? open = null)
    {
        _file = new RotatingJsonlFile(path, maxBytes, maxFiles, protectYoungerThan, open);
        _lock = new AuditFileLock(path + ".lock");
    }

    public string Path => _file.Path;

    /// <summary>The number and hash of the chain's last line, as of the last append or sync.</summary>
    public (long Seq, string Hash) Head => (_seq, Convert.ToHexStringLower(_head));

    /// <summary>Whether the head is the file's real tail (read or written under the lock in this batch).</summary>
    public bool Synced => _synced;

    /// <summary>Takes the lock; the tail is read at the first append (a batch without records for this file costs nothing more).</summary>
    public void BeginBatch()
    {
        if (!_inBatch)
        {
            _lock.Acquire();
            _inBatch = true;
            _synced = false;
        }
    }

    /// <summary>Appends one record as the next link; false when the file refused it (protected rotation). Throws on I/O errors.</summary>
    public bool Append(ReadOnlySpan<byte> record, out long seq, out byte[] hash)
    {
        Sync();
        var line = AuditChainLine.Link(record, _seq + 1, _head);
        seq = _seq + 1;
        hash = AuditChainLine.Hash(line);
        if (!_file.Append(line))
        {
            return false;
        }

        _seq = seq;
        _head = hash;
        return true;
    }

    /// <summary>Reads the chain's head from the file (under the lock) so that a checkpoint names the real tail.</summary>
    public void Sync()
    {
        if (_synced)
        {
            return;
        }

        // Another process may have appended or rotated since this one last wrote: the file, not memory, says where the chain is.
        _file.Reset();
        var tail = AuditFileTail.Read(_file.Path) ?? AuditFileTail.Read(_file.Path + ".1");
        if (tail is not { } last)
        {
            _seq = 0;
            _head = new byte[32];
        }
        else
        {
            if (!last.Terminated)
            {
                // A torn line (a crash mid-write) is ended so that the next record starts a line; verify reports the torn one.
                _file.AppendNewline();
            }

            _head = AuditChainLine.Hash(last.Line);
            // A torn or foreign last line has no seq: numbering goes on from the record before it (verify reports the line itself).
            _seq = AuditChainLine.TryReadLink(last.Line, out var seq, out _) ? seq
                : last.Previous is { } previous && AuditChainLine.TryReadLink(previous, out var before, out _) ? before : 0;
        }

        _synced = true;
    }

    /// <summary>Flushes and releases the lock.</summary>
    public void EndBatch()
    {
        if (!_inBatch)
        {
            return;
        }

        try
        {
            _file.Flush();
        }
        finally
        {
            _lock.Release();
            _inBatch = false;
            _synced = false;
        }
    }

    /// <summary>Drops the handle after a write error; the next append re-reads the tail.</summary>
    public void Reset()
    {
        _file.Reset();
        _synced = false;
    }

    public void Dispose()
    {
        _file.Dispose();
        _lock.Release();
    }
}
