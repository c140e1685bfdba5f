namespace McpVanguard.Integrity;

/// <summary>Writes the pin file so that readers never see half of it, under a lock file that keeps other vanguard processes out.</summary>
internal static class PinFileWriter
{
    /// <summary>How long a writer waits for another process's lock before giving up on this write (the next change retries).</summary>
    private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(5);

    /// <summary>Writes <paramref name="bytes"/> to a temporary file beside <paramref name="path"/> and renames it over the old one.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temporary = Path.Join(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            // Atomic on the same file system: a reader sees the old file or the new one, never a mix.
            File.Move(temporary, path, overwrite: true);
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

            throw new PinStoreException($"{path}: cannot be written ({ex.Message}).", ex);
        }
    }

    /// <summary>An exclusive lock on <c>FILE.lock</c> (an advisory <c>flock</c> on Unix) held for one read-modify-write.</summary>
    public static FileStream AcquireLock(string path)
    {
        var lockPath = path + ".lock";
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
