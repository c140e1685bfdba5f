namespace McpVanguard.Audit.Integrity;

/// <summary>The last line of a JSON-lines file, read backwards from its end: where a chain continues from.</summary>
internal static class AuditFileTail
{
    /// <summary>The sink bounds every field, so a longer line is not one of its records (bounds the read).</summary>
    public const int MaxLineBytes = 1024 * 1024;

    private const int Chunk = 8 * 1024;

    /// <summary>
    /// The last line of <paramref name="path"/> (without its newline), whether the file ends with a newline (false after
    /// a torn write), and the line before it (null when there is none); null when the file is missing or empty.
    /// </summary>
    public static (byte[] Line, bool Terminated, byte[]? Previous)? Read(string path)
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
            var before = start > 0 ? buffer.AsSpan(0, start).LastIndexOf((byte)'\n') : -1;
            var whole = window == length;
            if (before >= 0 || (start >= 0 && whole) || window >= 2 * MaxLineBytes)
            {
                byte[]? previous = start < 0 ? null : buffer[(before + 1)..start];
                return (buffer[(start + 1)..end], terminated, previous);
            }

            if (whole)
            {
                return (buffer[..end], terminated, null);
            }

            window = (int)Math.Min(length, Math.Min((long)window * 4, 2L * MaxLineBytes));
        }
    }
}
