using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace McpVanguard.Audit;

/// <summary>
/// Writes audit records as JSON lines to a file with size-based rotation, on a background task, and a short human
/// line per block to stderr. If the file cannot be written, the record goes to stderr instead: a decision is never
/// lost silently and a disk problem never stops the relay.
/// </summary>
public sealed class AuditSink : IAuditSink
{
    /// <summary>Bounds memory if the disk is slower than the traffic; overflow falls back to stderr.</summary>
    private const int QueueCapacity = 10_000;

    private readonly string _path;
    private readonly long _maxBytes;
    private readonly int _maxFiles;
    private readonly TextWriter _console;
    private readonly Channel<AuditRecord> _queue = Channel.CreateBounded<AuditRecord>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task _writer;
    private FileStream? _stream;
    private bool _failing;

    public AuditSink(string path, long maxBytes, int maxFiles, TextWriter console)
    {
        _path = path;
        _maxBytes = maxBytes;
        _maxFiles = maxFiles;
        _console = console;
        _writer = Task.Run(WriteLoopAsync);
    }

    public void Write(AuditRecord record)
    {
        if (record.Verdict is "block" or "shadow-block")
        {
            WriteHumanLine(record);
        }

        if (!_queue.Writer.TryWrite(record))
        {
            Fallback(record, "audit queue full");
        }
    }

    private void WriteHumanLine(AuditRecord record)
    {
        var what = record.Tool is null ? record.Method ?? "message" : $"{record.Method} {record.Tool}";
        var label = record.Verdict == "block" ? "BLOCKED" : "WOULD BLOCK";
        lock (_console)
        {
            _console.WriteLine($"[vanguard] {label} {what} [{string.Join(", ", record.RuleIds)}]: {record.Reason}");
        }
    }

    private async Task WriteLoopAsync()
    {
        var newline = "\n"u8.ToArray();
        await foreach (var record in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(record, AuditJson.Record);
                var stream = OpenForAppend(bytes.Length + 1);
                stream.Write(bytes);
                stream.Write(newline);
                if (_queue.Reader.Count == 0)
                {
                    stream.Flush();
                }

                _failing = false;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                _stream?.Dispose();
                _stream = null;
                if (!_failing)
                {
                    lock (_console)
                    {
                        _console.WriteLine($"[vanguard] audit log '{_path}' cannot be written ({ex.GetType().Name}: {ex.Message}); records go to stderr until it recovers.");
                    }

                    _failing = true;
                }

                Fallback(record, "audit log unwritable");
            }
        }

        _stream?.Dispose();
    }

    private FileStream OpenForAppend(int next)
    {
        if (_stream is not null && _stream.Length + next > _maxBytes)
        {
            _stream.Dispose();
            _stream = null;
            Rotate();
        }

        if (_stream is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
            _stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            if (_stream.Length > 0 && _stream.Length + next > _maxBytes)
            {
                _stream.Dispose();
                Rotate();
                _stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            }
        }

        return _stream;
    }

    /// <summary>audit.jsonl → audit.jsonl.1 → … → audit.jsonl.N (the oldest is deleted).</summary>
    private void Rotate()
    {
        for (var i = _maxFiles - 1; i >= 1; i--)
        {
            var from = $"{_path}.{i}";
            if (File.Exists(from))
            {
                File.Move(from, $"{_path}.{i + 1}", overwrite: true);
            }
        }

        if (_maxFiles >= 1 && File.Exists(_path))
        {
            File.Move(_path, $"{_path}.1", overwrite: true);
        }

        var excess = $"{_path}.{_maxFiles + 1}";
        if (File.Exists(excess))
        {
            File.Delete(excess);
        }
    }

    private void Fallback(AuditRecord record, string why)
    {
        var json = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(record, AuditJson.Record));
        lock (_console)
        {
            _console.WriteLine($"[vanguard] audit ({why}): {json}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }
}
