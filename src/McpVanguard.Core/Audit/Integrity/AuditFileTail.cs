namespace McpVanguard.Audit.Integrity;

/// <summary>The last line of a JSON-lines file, read backwards from its end: where a chain continues from.</summary>
internal static class AuditFileTail
{
    /// <summary>The sink bounds every field, so a longer line is not one of its records (bounds the read).</summary>
    public const int MaxLineBytes = 1024 * 1024;

    private const int Chunk = 8 * 1024;

    /// <summary>
    /// The last non-empty line of <paramref name="path"/> (without its newline) and whether the file ends with a newline
    /// (false after a torn write); null when the file is missing or empty.
    /// </summary>
    public static (byte[] Line, bool Terminated)? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        var length = stream.Length;
        if (length == 0)
        {
            return null;
        }

        var window = (int)Math.Min(length, Chunk);
        while (true)
        {
            var buffer = new byte[window];
            stream.Seek(length - window, SeekOrigin.Begin);
            stream.ReadExactly(buffer);
            var terminated = buffer[^1] == (byte)'\n';
            var end = terminated ? buffer.Length - 1 : buffer.Length;
            var start = buffer.AsSpan(0, end).LastIndexOf((byte)'\n');
            if (start >= 0 || window == length)
            {
                return (buffer[(start + 1)..end], terminated);
            }

            if (window >= MaxLineBytes)
            {
                // Not a line the sink wrote: its tail stands for it (the chain still links to these exact bytes' hash only if whole, so verify will say where it broke).
                return (buffer[..end], terminated);
            }

            window = (int)Math.Min(length, Math.Min((long)window * 4, MaxLineBytes));
        }
    }
}
