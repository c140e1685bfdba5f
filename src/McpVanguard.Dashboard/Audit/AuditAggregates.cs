namespace McpVanguard.Dashboard.Audit;

/// <summary>What the Overview and Rules pages show at a glance, in the dashboard's memory.</summary>
/// <param name="Timeline">Counts per verdict per minute, oldest first, ending at the minute of the newest record.</param>
internal sealed record AuditOverview(
    long Records,
    IReadOnlyDictionary<string, long> ByVerdict,
    IReadOnlyList<(DateTimeOffset Minute, long[] Counts)> Timeline,
    IReadOnlyList<KeyValuePair<string, long>> TopRules,
    IReadOnlyList<KeyValuePair<string, long>> TopServers,
    IReadOnlyList<KeyValuePair<string, long>> TopTools,
    int SessionsNow,
    double? P50Microseconds,
    double? P99Microseconds);

/// <summary>
/// Counts kept up to date record by record as the log is indexed and followed (never recomputed from the whole log):
/// per verdict, per verdict per minute (the last day), per rule, server and tool (bounded tables), the sessions active in
/// the last minutes, and the inspection-time histogram. Thread-safe.
/// </summary>
internal sealed class AuditAggregates(TimeProvider time)
{
    /// <summary>The verdicts the chart has a colour for, in the order it stacks them; anything else counts as the last.</summary>
    public static readonly string[] Verdicts = ["allow", "warn", "redact", "review", "shadow-block", "block", "other"];

    /// <summary>A session counts as "now" when it had a record this recently.</summary>
    private static readonly TimeSpan SessionWindow = TimeSpan.FromMinutes(5);

    /// <summary>One day of minutes: the chart shows the last hour; older minutes are dropped so the table stays bounded.</summary>
    private const int MaxMinutes = 24 * 60;

    /// <summary>Bounds the session table (a log with a new session per call must not grow it without end).</summary>
    private const int MaxSessions = 10_000;

    private readonly Lock _gate = new();
    private readonly long[] _byVerdict = new long[Verdicts.Length];
    private readonly SortedDictionary<long, long[]> _minutes = [];
    private readonly BoundedCounter _rules = new(5_000);
    private readonly BoundedCounter _servers = new(1_000);
    private readonly BoundedCounter _tools = new(5_000);
    private readonly Dictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal);
    private readonly LatencyHistogram _latency = new();
    private long _records;

    public void Add(AuditSummary record)
    {
        var verdict = VerdictIndex(record.Verdict);
        var weight = Math.Max(1, record.Suppressed ?? 1);
        lock (_gate)
        {
            _records++;
            _byVerdict[verdict] += weight;
            if (record.Time is { } when)
            {
                var minute = when.ToUnixTimeSeconds() / 60;
                if (!_minutes.TryGetValue(minute, out var counts))
                {
                    counts = new long[Verdicts.Length];
                    _minutes[minute] = counts;
                    while (_minutes.Count > MaxMinutes)
                    {
                        _minutes.Remove(_minutes.Keys.First());
                    }
                }

                counts[verdict] += weight;
                if (record.Session is { } session)
                {
                    RecordSession(session, when);
                }
            }

            foreach (var rule in record.RuleIds)
            {
                _rules.Add(rule);
            }

            _servers.Add(record.Server ?? "?");
            if (record.Tool is { } tool)
            {
                _tools.Add(tool);
            }

            if (record.Suppressed is null && record.InspectMicroseconds > 0)
            {
                _latency.Add(record.InspectMicroseconds);
            }
        }
    }

    /// <summary>How many records name <paramref name="ruleId"/> (for the Rules page).</summary>
    public long Hits(string ruleId)
    {
        lock (_gate)
        {
            return _rules[ruleId];
        }
    }

    public AuditOverview Snapshot(int top = 10, int minutes = 60)
    {
        lock (_gate)
        {
            var timeline = new List<(DateTimeOffset, long[])>();
            if (_minutes.Count > 0)
            {
                var last = _minutes.Keys.Last();
                for (var m = last - minutes + 1; m <= last; m++)
                {
                    timeline.Add((DateTimeOffset.FromUnixTimeSeconds(m * 60), _minutes.TryGetValue(m, out var c) ? (long[])c.Clone() : new long[Verdicts.Length]));
                }
            }

            var cutoff = time.GetUtcNow() - SessionWindow;
            return new AuditOverview(
                _records,
                Verdicts.Select((v, i) => (v, i)).ToDictionary(static p => p.v, p => _byVerdict[p.i], StringComparer.Ordinal),
                timeline,
                _rules.Top(top),
                _servers.Top(top),
                _tools.Top(top),
                _sessions.Values.Count(t => t >= cutoff),
                _latency.Percentile(0.50),
                _latency.Percentile(0.99));
        }
    }

    /// <summary>Forgets everything (the log was rotated away and is indexed again from its files).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _records = 0;
            Array.Clear(_byVerdict);
            _minutes.Clear();
            _rules.Clear();
            _servers.Clear();
            _tools.Clear();
            _sessions.Clear();
            _latency.Clear();
        }
    }

    public static int VerdictIndex(string verdict)
    {
        var index = Array.IndexOf(Verdicts, verdict);
        return index < 0 ? Verdicts.Length - 1 : index;
    }

    private void RecordSession(string session, DateTimeOffset when)
    {
        if (_sessions.TryGetValue(session, out var seen) && seen >= when)
        {
            return;
        }

        if (!_sessions.ContainsKey(session) && _sessions.Count >= MaxSessions)
        {
            // Full: drop the sessions idle longest (outside the window they no longer count anyway).
            foreach (var stale in _sessions.OrderBy(static kv => kv.Value).Take(MaxSessions / 10).Select(static kv => kv.Key).ToList())
            {
                _sessions.Remove(stale);
            }
        }

        _sessions[session] = when;
    }
}
