using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using McpVanguard.Audit.Integrity;

namespace McpVanguard.Audit;

/// <summary>
/// Writes audit records as JSON lines to a file with size-based rotation, on a background task, and a short human
/// line per block to stderr. Every record is bounded first (<see cref="AuditFieldBounds"/>) and throttled per session
/// and kind (<see cref="AuditThrottle"/>). Decisions (everything but allows) also go to a decisions file whose
/// rotation never deletes recent evidence, so a flood of noise cannot erase an earlier block. If a file cannot be
/// written, the record goes to stderr instead: a decision is never lost silently and a disk problem never stops the relay.
/// Each file's lines form a hash chain (<see cref="ChainedAuditFile"/>) whose heads are signed into checkpoints
/// (<see cref="AuditCheckpointWriter"/>): <c>vanguard audit verify</c> finds an edited, removed, reordered or truncated record.
/// </summary>
public sealed class AuditSink : IAuditSink
{
    /// <summary>Bounds memory if the disk is slower than the traffic; overflow falls back to stderr.</summary>
    private const int QueueCapacity = 10_000;

    /// <summary>Records appended under one hold of the cross-process lock: long enough to amortise it, short enough not to stall another writer.</summary>
    private const int MaxBatch = 512;

    private readonly ChainedAuditFile _log;
    private readonly ChainedAuditFile _decisions;
    private readonly AuditCheckpointWriter _checkpoints;
    private readonly TextWriter _console;
    private readonly AuditThrottle _throttle;
    private readonly Channel<AuditRecord> _queue = Channel.CreateBounded<AuditRecord>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task _writer;
    private bool _failing;
    private long _decisionsRefused;

    /// <param name="retention">Volume caps and decisions retention; <see cref="AuditRetention.Default"/> when null.</param>
    /// <param name="integrity">The checkpoint key, cadence and receipts; the hash chain alone (<see cref="AuditIntegrity.ChainOnly"/>) when null.</param>
    public AuditSink(string path, long maxBytes, int maxFiles, TextWriter console, AuditRetention? retention = null, TimeProvider? time = null, AuditIntegrity? integrity = null)
        : this(path, maxBytes, maxFiles, console, retention, time, integrity, open: null)
    {
    }

    /// <param name="open">Opens a log file for appending (tests substitute a failing disk); null for the real files.</param>
    internal AuditSink(string path, long maxBytes, int maxFiles, TextWriter console, AuditRetention? retention, TimeProvider? time, AuditIntegrity? integrity, Func<string, Stream>? open)
    {
        retention ??= AuditRetention.Default;
        _log = new ChainedAuditFile(path, maxBytes, maxFiles, TimeSpan.Zero, open);
        _decisions = new ChainedAuditFile(DecisionsPath(path), maxBytes, maxFiles, retention.DecisionsMinAge, open);
        _checkpoints = new AuditCheckpointWriter(path, maxBytes, maxFiles, integrity ?? AuditIntegrity.ChainOnly, time ?? TimeProvider.System);
        _console = console;
        _throttle = new AuditThrottle(retention, time ?? TimeProvider.System);
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Where the decisions of the log at <paramref name="path"/> are kept: <c>audit.jsonl</c> → <c>audit.decisions.jsonl</c>.</summary>
    public static string DecisionsPath(string path)
    {
        var extension = Path.GetExtension(path);
        return Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, Path.GetFileNameWithoutExtension(path) + ".decisions" + (extension.Length == 0 ? ".jsonl" : extension));
    }

    public void Write(AuditRecord record)
    {
        // The session keys the throttle, so it is bounded first; the other fields only for a record that is written. A
        // suppressed record is just counted: a flood of one kind costs the relay thread no scan of its reason.
        record = AuditFieldBounds.BoundSession(record);
        if (AdmitBounded(AuditDecision.Of(record)))
        {
            Enqueue(AuditFieldBounds.Apply(record, sessionBounded: true));
        }
    }

    public bool Admit(AuditDecision decision)
    {
        // The relay asks before it builds the record (an agent repeating a loop the L3 stage warns about on every call
        // then costs a count, not a record with its arguments hashed).
        var session = AuditFieldBounds.BoundIdentifier(decision.Session);
        return AdmitBounded(ReferenceEquals(session, decision.Session) ? decision : decision with { Session = session });
    }

    /// <summary>As <see cref="Admit"/>, for a decision whose session is bounded already (bounding twice would cut the marker).</summary>
    private bool AdmitBounded(AuditDecision decision)
    {
        List<AuditRecord>? summaries = null;
        var admitted = _throttle.Admit(decision, ref summaries);
        foreach (var summary in summaries ?? [])
        {
            Enqueue(AuditFieldBounds.Apply(summary, sessionBounded: true));
        }

        return admitted;
    }

    public void WriteAdmitted(AuditRecord record) => Enqueue(AuditFieldBounds.Apply(record, sessionBounded: false));

    private void Enqueue(AuditRecord record)
    {
        // A redaction (a poisoned or drifted tool dropped from a list, a secret masked) gets its line too: in the client
        // the tool just vanishes, and the audit log is where nobody looks.
        if (record.Verdict is "block" or "shadow-block" or "redact" || record.SuppressedVerdict is "block" or "shadow-block" or "redact")
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
        // Method, tool and reason come from the agent or the server: escaped so that they cannot forge or rewrite a line.
        var what = record.Tool is null ? LogLineText.Escape(record.Method ?? "message") : $"{LogLineText.Escape(record.Method)} {LogLineText.Escape(record.Tool)}";
        if (record.Withheld is { Count: > 0 } withheld)
        {
            // Which tools vanished from the client's list, by name.
            what += $" (withheld: {string.Join(", ", withheld.Select(LogLineText.Escape))})";
        }

        var rules = string.Join(", ", record.RuleIds);
        var line = record.Suppressed is { } count
            ? $"[vanguard] {count} more {Label(record.SuppressedVerdict)} [{rules}] suppressed ({(record.Session == AuditThrottle.AllSessions ? "all sessions" : "session " + LogLineText.Escape(record.Session))}); see the audit log"
            : $"[vanguard] {Label(record.Verdict)} {what} [{rules}]: {LogLineText.Escape(record.Reason)}";
        lock (_console)
        {
            _console.WriteLine(line);
        }
    }

    private static string Label(string? verdict) => verdict switch
    {
        "block" => "BLOCKED",
        "redact" => "REDACTED",
        _ => "WOULD BLOCK",
    };

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        while (true)
        {
            var more = await WaitForRecordsAsync(reader).ConfigureAwait(false);
            // One hold of the lock per batch: the chain is read from the file's tail once and every record appended after it.
            _log.BeginBatch();
            try
            {
                for (var n = 0; n < MaxBatch && reader.TryRead(out var record); n++)
                {
                    WriteRecord(record);
                }

                if (_checkpoints.Due() || (!more && _checkpoints.HasPending))
                {
                    _checkpoints.Write(_console);
                }
            }
            finally
            {
                EndBatch(_log);
                EndBatch(_decisions);
            }

            if (!more)
            {
                break;
            }
        }

        if (Interlocked.Read(ref _decisionsRefused) > 0)
        {
            lock (_console)
            {
                _console.WriteLine($"[vanguard] {_decisionsRefused} decision records were not kept in '{_decisions.Path}' (its files hold only recent evidence, which is never rotated away); they are in '{_log.Path}'.");
            }
        }

        _log.Dispose();
        _decisions.Dispose();
        _checkpoints.Dispose();
    }

    /// <summary>
    /// True when records are waiting; false once the queue is completed and drained (the last pass then seals the chains);
    /// with records awaiting a checkpoint, it returns true when the interval runs out even if nothing new came.
    /// </summary>
    private async ValueTask<bool> WaitForRecordsAsync(ChannelReader<AuditRecord> reader)
    {
        if (!_checkpoints.HasPending)
        {
            return await reader.WaitToReadAsync().ConfigureAwait(false);
        }

        using var timeout = _checkpoints.DueTimer();
        try
        {
            return await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private void WriteRecord(AuditRecord record)
    {
        try
        {
            var bytes = Serialize(record);
            if (TryAppend(_log, bytes, record) && record.IsDecision)
            {
                AppendDecision(bytes, record);
            }
        }
        catch (Exception ex)
        {
            // Whatever went wrong with this one record, the writer lives on for the next, and the record reaches stderr.
            Fallback(record, $"audit writer error: {ex.GetType().Name}");
        }
    }

    private void EndBatch(ChainedAuditFile file)
    {
        try
        {
            file.EndBatch();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // Lines are written through one by one (nothing is buffered), so only the lock's release can fail here; the next batch re-reads the tail.
            file.Reset();
        }
    }

    private bool TryAppend(ChainedAuditFile file, byte[] bytes, AuditRecord record)
    {
        try
        {
            // The main log never refuses a line (only the decisions file protects recent evidence).
            if (file.Append(bytes, out var seq, out var hash))
            {
                _checkpoints.Appended(file, record, seq, hash, receipt: true, _console);
            }

            _failing = false;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            file.Reset();
            Telemetry.VanguardTelemetry.AuditWriteFailures.Add(1);
            if (!_failing)
            {
                lock (_console)
                {
                    _console.WriteLine($"[vanguard] audit log '{file.Path}' cannot be written ({ex.GetType().Name}: {ex.Message}); records go to stderr until it recovers.");
                }

                _failing = true;
            }

            Fallback(record, "audit log unwritable");
            return false;
        }
    }

    private void AppendDecision(byte[] bytes, AuditRecord record)
    {
        try
        {
            _decisions.BeginBatch();
            if (!_decisions.Append(bytes, out var seq, out var hash))
            {
                // Full of recent evidence: this record stays in the main log only.
                if (Interlocked.Increment(ref _decisionsRefused) == 1)
                {
                    lock (_console)
                    {
                        _console.WriteLine($"[vanguard] decisions log '{_decisions.Path}' is full of recent records; older evidence is kept and new decisions go to '{_log.Path}' only.");
                    }
                }

                return;
            }

            _checkpoints.Appended(_decisions, record, seq, hash, receipt: false, _console);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // The main log holds the record; say once that its second copy is missing.
            _decisions.Reset();
            if (Interlocked.Increment(ref _decisionsRefused) == 1)
            {
                lock (_console)
                {
                    _console.WriteLine($"[vanguard] decisions log '{_decisions.Path}' cannot be written ({ex.GetType().Name}: {ex.Message}); decisions are in '{_log.Path}' only.");
                }
            }
        }
    }

    private void Fallback(AuditRecord record, string why)
    {
        string json;
        try
        {
            json = Encoding.UTF8.GetString(Serialize(record));
        }
        catch (Exception ex)
        {
            // A record that cannot be serialised still leaves a trace: who, what and the verdict, escaped.
            json = $"{{\"unserialisable\":\"{ex.GetType().Name}\",\"verdict\":\"{Json(record.Verdict)}\",\"method\":\"{Json(record.Method)}\",\"tool\":\"{Json(record.Tool)}\"}}";
        }

        lock (_console)
        {
            _console.WriteLine($"[vanguard] audit ({why}): {json}");
        }
    }

    /// <summary>The record's JSON line, stamped with this build's version (on the writer task, off the relay's path).</summary>
    private static byte[] Serialize(AuditRecord record) =>
        JsonSerializer.SerializeToUtf8Bytes(record.Version is null ? record with { Version = VanguardVersion.Text } : record, AuditJson.Record);

    private static string Json(string? text) => JsonEncodedText.Encode(text ?? string.Empty).Value;

    public async ValueTask DisposeAsync()
    {
        var summaries = new List<AuditRecord>();
        _throttle.Drain(summaries);
        foreach (var summary in summaries)
        {
            Enqueue(AuditFieldBounds.Apply(summary, sessionBounded: true));
        }

        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }
}
