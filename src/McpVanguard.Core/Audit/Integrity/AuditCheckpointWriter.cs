using System.Globalization;
using System.Text.Json;

namespace McpVanguard.Audit.Integrity;

/// <summary>
/// Signs the heads of the audit chains into <c>audit.checkpoints.jsonl</c> when enough records or time have passed, and
/// exports receipts. Called from the audit writer task only, always while the main log's lock is held (so that
/// processes sharing the log never interleave a checkpoint with a batch).
/// </summary>
internal sealed class AuditCheckpointWriter : IDisposable
{
    private readonly AuditIntegrity _integrity;
    private readonly RotatingJsonlFile _file;
    private readonly TimeProvider _time;
    private readonly Dictionary<ChainedAuditFile, int> _pending = [];
    private DateTimeOffset _last;
    private bool _receiptsFailing;

    public AuditCheckpointWriter(string logPath, long maxBytes, int maxFiles, AuditIntegrity integrity, TimeProvider time)
    {
        _integrity = integrity;
        _time = time;
        _file = new RotatingJsonlFile(CheckpointsPath(logPath), maxBytes, maxFiles, TimeSpan.Zero);
        _last = time.GetUtcNow();
    }

    /// <summary>Where the checkpoints of the log at <paramref name="logPath"/> are kept: <c>audit.jsonl</c> → <c>audit.checkpoints.jsonl</c>.</summary>
    public static string CheckpointsPath(string logPath)
    {
        var extension = System.IO.Path.GetExtension(logPath);
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(logPath) ?? string.Empty, System.IO.Path.GetFileNameWithoutExtension(logPath) + ".checkpoints" + (extension.Length == 0 ? ".jsonl" : extension));
    }

    public string Path => _file.Path;

    /// <summary>Whether records are waiting for a checkpoint (the writer then wakes up by <see cref="DueIn"/>).</summary>
    public bool HasPending => _integrity.Key is not null && _pending.Count > 0;

    /// <summary>Cancels when the interval makes a checkpoint due (on the sink's clock).</summary>
    public CancellationTokenSource DueTimer() => new(DueIn, _time);

    /// <summary>How long until the interval makes a checkpoint due.</summary>
    public TimeSpan DueIn => _integrity.CheckpointInterval - (_time.GetUtcNow() - _last) is { } left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    /// <summary>Counts one appended record; exports its receipt when it is a block and <paramref name="receipt"/> says so (once per record, from the main log).</summary>
    public void Appended(ChainedAuditFile chain, AuditRecord record, long seq, byte[] hash, bool receipt, TextWriter console)
    {
        _pending[chain] = _pending.GetValueOrDefault(chain) + 1;
        if (receipt && record.Verdict is "block")
        {
            Export(new AuditReceipt
            {
                Type = "block",
                Time = record.Time.ToString("O", CultureInfo.InvariantCulture),
                Log = System.IO.Path.GetFileName(chain.Path),
                Seq = seq,
                Hash = Convert.ToHexStringLower(hash),
                ServerId = record.ServerId,
                Verdict = record.Verdict,
                RuleIds = record.RuleIds,
                ArgumentsSha256 = record.ArgumentsSha256,
            }, console);
        }
    }

    /// <summary>Whether a checkpoint is due: enough records, or the interval passed with records pending.</summary>
    public bool Due() => HasPending && (_pending.Values.Max() >= _integrity.CheckpointRecords || DueIn == TimeSpan.Zero);

    /// <summary>Signs the head of every chain with pending records (each locked and read from its file first).</summary>
    public void Write(TextWriter console)
    {
        if (_integrity.Key is not { } key)
        {
            _pending.Clear();
            return;
        }

        foreach (var chain in _pending.Keys.ToList())
        {
            try
            {
                chain.BeginBatch();
                chain.Sync();
                var (seq, head) = chain.Head;
                if (seq == 0)
                {
                    continue;
                }

                var checkpoint = new AuditCheckpoint
                {
                    Time = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                    Log = System.IO.Path.GetFileName(chain.Path),
                    Seq = seq,
                    Head = head,
                    KeyId = key.KeyId,
                }.SignWith(key);
                // Reopened each time: another process sharing the log may have rotated the checkpoints file.
                _file.Reset();
                _file.Append(JsonSerializer.SerializeToUtf8Bytes(checkpoint, AuditIntegrityJson.Default.AuditCheckpoint));
                _file.Flush();
                _pending.Remove(chain);
                Export(new AuditReceipt { Type = "checkpoint", Time = checkpoint.Time, Log = checkpoint.Log, Seq = seq, Hash = head, Checkpoint = checkpoint }, console);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                _file.Reset();
                lock (console)
                {
                    console.WriteLine($"[vanguard] audit checkpoint for '{chain.Path}' cannot be written to '{_file.Path}' ({ex.GetType().Name}: {ex.Message}); the next checkpoint will cover its records.");
                }
            }
        }

        _last = _time.GetUtcNow();
    }

    private void Export(AuditReceipt receipt, TextWriter console)
    {
        if (_integrity.Receipts is not { } receipts)
        {
            return;
        }

        try
        {
            receipts.Write(receipt);
            _receiptsFailing = false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            if (!_receiptsFailing)
            {
                _receiptsFailing = true;
                lock (console)
                {
                    console.WriteLine($"[vanguard] audit receipts cannot be exported ({ex.GetType().Name}: {ex.Message}); the audit log and its checkpoints still hold them.");
                }
            }
        }
    }

    public void Dispose()
    {
        _file.Dispose();
        _integrity.Receipts?.Dispose();
    }
}
