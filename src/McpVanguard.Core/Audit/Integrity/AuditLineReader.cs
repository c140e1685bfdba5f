namespace McpVanguard.Audit.Integrity;

/// <summary>Reads a JSON-lines file as exact line bytes (what the chain hashes), numbered from 1; memory bounded per line.</summary>
internal static class AuditLineReader
{
    /// <summary>The lines of <paramref name="path"/>; a line over <see cref="AuditFileTail.MaxLineBytes"/> is yielded cut (its hash then fails, as it should).</summary>
    public static IEnumerable<(long Number, byte[] Line)> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        var over = false;
        long number = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                var end = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                var stop = end < 0 ? read : end;
                if (!over && line.Length + (stop - start) <= AuditFileTail.MaxLineBytes)
                {
                    line.Write(buffer, start, stop - start);
                }
                else
                {
                    over = true;
                }

                if (end < 0)
                {
                    break;
                }

                number++;
                yield return (number, line.ToArray());
                line.SetLength(0);
                over = false;
                start = end + 1;
            }
        }

        if (line.Length > 0)
        {
            yield return (number + 1, line.ToArray());
        }
    }
}
