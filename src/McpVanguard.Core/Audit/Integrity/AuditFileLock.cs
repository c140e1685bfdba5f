namespace McpVanguard.Audit.Integrity;

/// <summary>
/// A cross-process exclusive lock on <c>&lt;log&gt;.lock</c> (an OS file lock, released when the process dies), held
/// while one batch is appended: several <c>vanguard start</c> processes share one audit log, and the chain stays one
/// line after another only if each batch reads the tail and appends without another writer in between.
/// </summary>
internal sealed class AuditFileLock(string lockPath)
{
    /// <summary>How long a writer waits for another before appending unlocked (the chain may then fork; verify will say where).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private FileStream? _held;

    /// <summary>False when the lock could not be taken in time or at all (the caller appends anyway: a record is never dropped for a lock).</summary>
    public bool Acquire()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(lockPath))!);
                // FileShare.None takes flock(LOCK_EX) on Unix and a share-mode lock on Windows.
                _held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
                return true;
            }
            catch (IOException ex) when (IsContention(ex) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(1);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                return false;
            }
        }
    }

    public void Release()
    {
        _held?.Dispose();
        _held = null;
    }

    /// <summary>Another holder (EWOULDBLOCK/EAGAIN on Unix, a sharing violation on Windows), not a missing directory or a permission.</summary>
    internal static bool IsContention(IOException ex)
        => ex.GetType() == typeof(IOException) && (ex.HResult is 11 or 35 || ex.HResult == unchecked((int)0x80070020));
}
