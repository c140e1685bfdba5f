using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace McpVanguard.Dashboard.Audit;

/// <summary>
/// The audit log as the dashboard sees it: an index of where each record is on disk (16 bytes a record, at most
/// <see cref="MaxEntries"/>), kept up to date by following the live file, with the aggregates updated as records arrive.
/// Pages are read back from disk on demand, so 100,000 records cost a few megabytes, not the records themselves. A
/// rotation (the live file renamed to <c>.1</c>) is noticed and the files are indexed again. Thread-safe.
/// </summary>
internal sealed class AuditIndex
{
    /// <summary>Bounds the index (16 MB): past it the oldest records are forgotten (still on disk, no longer browsable here).</summary>
    public const int MaxEntries = 1_000_000;

    /// <summary>A line longer than this is not a record the sink writes (it bounds every field): skipped to bound memory.</summary>
    private const int MaxLineBytes = 1024 * 1024;

    private readonly Func<IReadOnlyList<string>> _files;
    private readonly string _livePath;
    private readonly AuditAggregates _aggregates;
    private readonly Action<AuditSummary>? _appended;
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly List<string> _paths = [];

    /// <summary>The sequence number of <c>_entries[0]</c>.</summary>
    private long _first;
    private long _livePosition;
    private (int Files, long Length, DateTime Written) _rotationStamp;

    /// <param name="files">The files of the log, oldest first, the live file last (the same list <c>vanguard audit</c> reads).</param>
    /// <param name="livePath">The live file new records are appended to.</param>
    /// <param name="appended">Told of every record that arrives after the first indexing (the live feed).</param>
    public AuditIndex(Func<IReadOnlyList<string>> files, string livePath, AuditAggregates aggregates, Action<AuditSummary>? appended = null)
    {
        _files = files;
        _livePath = Path.GetFullPath(livePath);
        _aggregates = aggregates;
        _appended = appended;
    }

    /// <summary>Lines that were not records (torn, foreign or oversized), skipped.</summary>
    public long Skipped { get; private set; }

    /// <summary>The number of records indexed, and the sequence number after the newest.</summary>
    public (int Count, long Next) Size
    {
        get
        {
            lock (_gate)
            {
                return (_entries.Count, _first + _entries.Count);
            }
        }
    }

    /// <summary>Indexes every file of the log from its start (at start-up, and after a rotation).</summary>
    public void Rebuild()
    {
        lock (_gate)
        {
            _entries.Clear();
            _paths.Clear();
            _first = 0;
            _livePosition = 0;
            Skipped = 0;
            _aggregates.Clear();
            var files = _files();
            foreach (var file in files)
            {
                var full = Path.GetFullPath(file);
                var end = IndexFrom(full, 0, notify: false);
                if (full == _livePath)
                {
                    _livePosition = end;
                }
            }

            _rotationStamp = RotationStamp(files);
        }
    }

    /// <summary>Indexes what was appended to the live file since the last call; indexes everything again after a rotation.</summary>
    public void CatchUp()
    {
        lock (_gate)
        {
            var files = _files();
            var length = File.Exists(_livePath) ? new FileInfo(_livePath).Length : 0;
            if (RotationStamp(files) != _rotationStamp || length < _livePosition)
            {
                Rebuild();
                return;
            }

            if (length > _livePosition)
            {
                _livePosition = IndexFrom(_livePath, _livePosition, notify: true);
            }
        }
    }

    /// <summary>Follows the live file until cancelled, every <paramref name="poll"/>.</summary>
    public async Task FollowAsync(TimeSpan poll, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(poll);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    CatchUp();
                }
                catch (IOException)
                {
                    // A file vanished or was locked mid-rotation: the next tick sees the settled state.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// The newest records matching <paramref name="query"/> with a sequence number below <paramref name="before"/> (all when
    /// null), newest first, at most <paramref name="count"/>; looks at no more than <paramref name="maxScanned"/> records so
    /// that a rare filter over a huge log answers quickly. <c>Next</c> is where the following page starts (null at the end).
    /// </summary>
    public (IReadOnlyList<AuditSummary> Records, long? Next) Page(AuditQuery query, long? before, int count, int maxScanned = 20_000)
    {
        (long Sequence, Entry Entry, string Path)[] candidates;
        long first;
        lock (_gate)
        {
            first = _first;
            var end = (int)Math.Clamp((before ?? long.MaxValue) - _first, 0, _entries.Count);
            var start = Math.Max(0, end - maxScanned);
            candidates = new (long, Entry, string)[end - start];
            for (var i = end - 1; i >= start; i--)
            {
                candidates[end - 1 - i] = (_first + i, _entries[i], _paths[_entries[i].File]);
            }
        }

        var found = new List<AuditSummary>(count);
        using var handles = new HandleCache();
        foreach (var (sequence, entry, path) in candidates)
        {
            if (found.Count == count)
            {
                // Full: the next page starts with this record (before is exclusive).
                return (found, sequence + 1);
            }

            var known = entry.Verdict != AuditAggregates.Verdicts.Length - 1;
            if (known && !query.MayMatch(AuditAggregates.Verdicts[entry.Verdict]))
            {
                continue;
            }

            if (Read(handles, path, entry) is { } line && AuditSummary.Parse(sequence, line) is { } record && query.Matches(record))
            {
                found.Add(record);
            }
        }

        // Every candidate examined: the next page goes on below the oldest one, unless that was the oldest record indexed.
        var oldest = candidates.Length == 0 ? first : candidates[^1].Sequence;
        return (found, oldest > first ? oldest : null);
    }

    /// <summary>The record with sequence number <paramref name="sequence"/>, read from disk; null when no longer indexed.</summary>
    public AuditSummary? Find(long sequence)
    {
        Entry entry;
        string path;
        lock (_gate)
        {
            var i = sequence - _first;
            if (i < 0 || i >= _entries.Count)
            {
                return null;
            }

            entry = _entries[(int)i];
            path = _paths[entry.File];
        }

        using var handles = new HandleCache();
        return Read(handles, path, entry) is { } line ? AuditSummary.Parse(sequence, line) : null;
    }

    private static (int, long, DateTime) RotationStamp(IReadOnlyList<string> files)
    {
        // A rotation renames the live file to .1: the count of files or the newest rotated file's size and time change.
        var rotated = files.Count >= 2 ? new FileInfo(files[^2]) : null;
        return (files.Count, rotated?.Length ?? -1, rotated?.LastWriteTimeUtc ?? default);
    }

    private static byte[]? Read(HandleCache handles, string path, Entry entry)
    {
        try
        {
            var buffer = new byte[entry.Length];
            var read = RandomAccess.Read(handles.Get(path), buffer, entry.Offset);
            return read == entry.Length ? buffer : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Indexes the complete lines of <paramref name="path"/> from <paramref name="start"/>; returns where the first incomplete line starts.</summary>
    private long IndexFrom(string path, long start, bool notify)
    {
        if (!File.Exists(path))
        {
            return start;
        }

        var fileId = _paths.IndexOf(path);
        if (fileId < 0)
        {
            _paths.Add(path);
            fileId = _paths.Count - 1;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        stream.Seek(start, SeekOrigin.Begin);
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var line = new ArrayBufferWriter<byte>(1024);
        var lineStart = start;
        var position = start;
        var oversized = false;
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                var span = chunk.AsSpan(0, read);
                while (span.Length > 0)
                {
                    var newline = span.IndexOf((byte)'\n');
                    var part = newline < 0 ? span : span[..newline];
                    if (!oversized && line.WrittenCount + part.Length <= MaxLineBytes)
                    {
                        line.Write(part);
                    }
                    else
                    {
                        oversized = true;
                    }

                    position += part.Length;
                    if (newline < 0)
                    {
                        break;
                    }

                    position++;
                    Add(fileId, lineStart, oversized ? null : line.WrittenSpan, notify);
                    line.ResetWrittenCount();
                    oversized = false;
                    lineStart = position;
                    span = span[(newline + 1)..];
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return lineStart;
    }

    private void Add(int fileId, long offset, ReadOnlySpan<byte> line, bool notify)
    {
        var trimmed = line.TrimEnd((byte)'\r');
        if (trimmed.IsEmpty)
        {
            return;
        }

        var sequence = _first + _entries.Count;
        if (AuditSummary.Parse(sequence, trimmed) is not { } record)
        {
            Skipped++;
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            // Forget the oldest tenth at once (one copy), not one record per append.
            var drop = MaxEntries / 10;
            _entries.RemoveRange(0, drop);
            _first += drop;
            sequence = _first + _entries.Count;
            record = record with { Sequence = sequence };
        }

        _entries.Add(new Entry(offset, trimmed.Length, (short)fileId, (byte)AuditAggregates.VerdictIndex(record.Verdict)));
        _aggregates.Add(record);
        if (notify)
        {
            _appended?.Invoke(record);
        }
    }

    /// <summary>Where one record is: 16 bytes, so a million records cost 16 MB.</summary>
    private readonly record struct Entry(long Offset, int Length, short File, byte Verdict);

    /// <summary>The open files of one page read, closed together.</summary>
    private sealed class HandleCache : IDisposable
    {
        private readonly Dictionary<string, SafeFileHandle> _handles = new(StringComparer.Ordinal);

        public SafeFileHandle Get(string path)
        {
            if (!_handles.TryGetValue(path, out var handle))
            {
                handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                _handles[path] = handle;
            }

            return handle;
        }

        public void Dispose()
        {
            foreach (var handle in _handles.Values)
            {
                handle.Dispose();
            }
        }
    }
}
