namespace McpVanguard.Audit;

/// <summary>
/// Caps how many records of one kind (verdict and rule ids) one session, and all sessions together, write per window,
/// so that an agent repeating one refused request cannot fill the log. Every suppressed record is counted; when its
/// window closes the count becomes one summary record ("N more records of kind X suppressed"). Bounded: at most
/// <see cref="MaxTrackedWindows"/> open windows; when full, all are closed (and summarised) at once.
/// </summary>
internal sealed class AuditThrottle(AuditRetention limits, TimeProvider time)
{
    /// <summary>Bounds the memory a flood of distinct sessions can take.</summary>
    private const int MaxTrackedWindows = 10_000;

    /// <summary>The session of a summary for the all-sessions cap.</summary>
    public const string AllSessions = "*";

    private readonly Dictionary<(string Session, string Kind), Window> _windows = [];
    private readonly Lock _gate = new();
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    /// <summary>
    /// True when <paramref name="record"/> may be written; summaries of windows that closed are added to
    /// <paramref name="summaries"/>, created when the first one is (most records close no window: no list per record).
    /// </summary>
    public bool Admit(AuditDecision record, ref List<AuditRecord>? summaries)
    {
        // Allows (audited only with audit.allows, e.g. under monitor) are the operator's full trail and never enter the
        // decisions file, so they cannot push evidence out; capping them would only break that trail.
        if (record.Verdict == "allow" || (limits.PerSessionPerKind == int.MaxValue && limits.PerKind == int.MaxValue))
        {
            return true;
        }

        var now = time.GetUtcNow();
        var kind = record.Verdict + " " + string.Join(',', record.RuleIds);
        lock (_gate)
        {
            if (now - _lastSweep >= TimeSpan.FromSeconds(1) || _windows.Count >= MaxTrackedWindows)
            {
                Sweep(now, ref summaries, closeAll: _windows.Count >= MaxTrackedWindows);
                _lastSweep = now;
            }

            return Count((record.Session, kind), record, limits.PerSessionPerKind, now, ref summaries)
                && Count((AllSessions, kind), record, limits.PerKind, now, ref summaries);
        }
    }

    /// <summary>Summaries of every window with suppressed records (at shutdown).</summary>
    public void Drain(List<AuditRecord> summaries)
    {
        List<AuditRecord>? list = summaries;
        lock (_gate)
        {
            Sweep(time.GetUtcNow(), ref list, closeAll: true);
        }
    }

    private bool Count((string Session, string Kind) key, AuditDecision record, int limit, DateTimeOffset now, ref List<AuditRecord>? summaries)
    {
        if (!_windows.TryGetValue(key, out var window) || now - window.Start >= limits.Window)
        {
            if (window is not null)
            {
                Summarise(key.Session, window, limit, now, ref summaries);
            }

            _windows[key] = window = new Window(now, record);
        }

        if (window.Written < limit)
        {
            window.Written++;
            return true;
        }

        window.Suppressed++;
        return false;
    }

    private void Sweep(DateTimeOffset now, ref List<AuditRecord>? summaries, bool closeAll)
    {
        List<(string, string)>? closed = null;
        foreach (var (key, window) in _windows)
        {
            if (closeAll || now - window.Start >= limits.Window)
            {
                Summarise(key.Session, window, key.Session == AllSessions ? limits.PerKind : limits.PerSessionPerKind, now, ref summaries);
                (closed ??= []).Add(key);
            }
        }

        foreach (var key in closed ?? [])
        {
            _windows.Remove(key);
        }
    }

    private void Summarise(string session, Window window, int limit, DateTimeOffset now, ref List<AuditRecord>? summaries)
    {
        if (window.Suppressed == 0)
        {
            return;
        }

        var sample = window.First;
        var scope = session == AllSessions ? "from all sessions" : "in this session";
        (summaries ??= []).Add(new AuditRecord
        {
            Time = now,
            Session = session,
            ServerId = sample.ServerId,
            Direction = sample.Direction,
            Verdict = AuditRecord.SummaryVerdict,
            RuleIds = sample.RuleIds,
            Reason = $"{window.Suppressed} more '{sample.Verdict}' records of [{string.Join(", ", sample.RuleIds)}] {scope} suppressed since {window.Start:O} (cap {limit} per {limits.Window.TotalSeconds:0} s)",
            Suppressed = window.Suppressed,
            SuppressedVerdict = sample.Verdict,
        });
    }

    /// <summary>One session's (or all sessions') count of one kind in the current window.</summary>
    private sealed class Window(DateTimeOffset start, AuditDecision first)
    {
        public DateTimeOffset Start { get; } = start;

        /// <summary>The first record of the window: its server, direction and rule ids describe the summary.</summary>
        public AuditDecision First { get; } = first;

        public int Written { get; set; }

        public int Suppressed { get; set; }
    }
}
