using System.Buffers;

namespace McpVanguard.Audit;

/// <summary>
/// One append-only JSON-lines file rotated by size: <c>audit.jsonl</c> → <c>.1</c> → … → <c>.N</c>, the oldest
/// deleted. With <paramref name="protectYoungerThan"/> the oldest file is deleted only once its newest record is
/// older than that; until then a record that does not fit is refused (the caller counts it) instead of erasing
/// evidence. Lines are written through to the operating system one by one, never held in a buffer: an I/O error
/// then concerns the line being written, which its caller still holds, and no earlier line can be lost with a buffer.
/// Used by one writer task only.
/// </summary>
/// <param name="open">Opens the file for appending; a test substitutes a failing stream (the default writes through, unbuffered).</param>
internal sealed class RotatingJsonlFile(string path, long maxBytes, int maxFiles, TimeSpan protectYoungerThan, Func<string, Stream>? open = null) : IDisposable
{
    private static readonly byte[] Newline = "\n"u8.ToArray();

    private readonly Func<string, Stream> _open = open ?? OpenUnbuffered;
    private Stream? _stream;

    public string Path => path;

    /// <summary>Appends one line; false when it was refused because rotating would delete a protected file.</summary>
    public bool Append(ReadOnlySpan<byte> line)
    {
        var stream = Open(line.Length + 1);
        if (stream is null)
        {
            return false;
        }

        // Several processes append to one log (a `vanguard start` per server, `vanguard ui` approving a pin). .NET's
        // FileMode.Append keeps its own offset from when the file was opened (no O_APPEND), so a writer would overwrite
        // what another wrote since: move to the real end first (this also writes out the previous line's buffer).
        stream.Seek(0, SeekOrigin.End);
        // One write per line: with no buffer a failed write leaves at most this line torn (verify reports it), never a lost predecessor.
        var buffer = ArrayPool<byte>.Shared.Rent(line.Length + 1);
        try
        {
            line.CopyTo(buffer);
            buffer[line.Length] = Newline[0];
            stream.Write(buffer, 0, line.Length + 1);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return true;
    }

    public void Flush() => _stream?.Flush();

    /// <summary>Ends a torn last line (a crash mid-write) so that the next append starts a line of its own.</summary>
    public void AppendNewline() => Open(1)?.Write(Newline);

    /// <summary>Drops the open handle after a write error; the next append reopens the file.</summary>
    public void Reset()
    {
        try
        {
            _stream?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // Nothing is buffered, so closing a broken handle loses nothing; the next append reopens the file.
        }

        _stream = null;
    }

    public void Dispose() => Reset();

    private static Stream OpenUnbuffered(string file) => new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);

    private Stream? Open(int next)
    {
        if (_stream is not null && _stream.Length + next > maxBytes)
        {
            if (!CanRotate())
            {
                return null;
            }

            Reset();
            Rotate();
        }

        if (_stream is null)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            _stream = _open(path);
            if (_stream.Length > 0 && _stream.Length + next > maxBytes)
            {
                if (!CanRotate())
                {
                    return null;
                }

                Reset();
                Rotate();
                _stream = _open(path);
            }
        }

        return _stream;
    }

    /// <summary>False when rotating would delete a file whose last record is younger than the protection.</summary>
    private bool CanRotate()
    {
        if (protectYoungerThan <= TimeSpan.Zero)
        {
            return true;
        }

        var oldest = maxFiles >= 1 ? $"{path}.{maxFiles}" : path;
        return !File.Exists(oldest) || DateTime.UtcNow - File.GetLastWriteTimeUtc(oldest) >= protectYoungerThan;
    }

    /// <summary>audit.jsonl → audit.jsonl.1 → … → audit.jsonl.N (the oldest is deleted).</summary>
    private void Rotate()
    {
        for (var i = maxFiles - 1; i >= 1; i--)
        {
            var from = $"{path}.{i}";
            if (File.Exists(from))
            {
                File.Move(from, $"{path}.{i + 1}", overwrite: true);
            }
        }

        if (maxFiles >= 1 && File.Exists(path))
        {
            File.Move(path, $"{path}.1", overwrite: true);
        }

        var excess = $"{path}.{maxFiles + 1}";
        if (File.Exists(excess))
        {
            File.Delete(excess);
        }
    }
}
