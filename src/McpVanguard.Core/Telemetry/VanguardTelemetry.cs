using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace McpVanguard.Telemetry;

/// <summary>
/// The one <see cref="Meter"/> and the one <see cref="ActivitySource"/> of McpVanguard, both named <c>McpVanguard</c>, with
/// every instrument (docs/TELEMETRY.md). Without a listener (the default) each instrument is a cheap no-op; callers still
/// guard tag building and clock reads with <see cref="Instrument.Enabled"/> and <see cref="ActivitySource.HasListeners"/>.
/// </summary>
public static class VanguardTelemetry
{
    /// <summary>The name of the meter and of the activity source: what an exporter subscribes to.</summary>
    public const string Name = "McpVanguard";

    /// <summary>Bucket bounds (seconds) from 1 µs to 2.5 s: inspection takes microseconds, an L2 model call up to seconds.</summary>
    private static readonly double[] DurationBuckets =
        [0.000001, 0.0000025, 0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    private static readonly InstrumentAdvice<double> DurationAdvice = new() { HistogramBucketBoundaries = DurationBuckets };

    private static readonly string? Version = typeof(VanguardTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly Meter Meter = new(Name, Version);

    public static readonly ActivitySource Source = new(Name, Version);

    /// <summary>Messages through the relay, by direction, method, verdict and server.</summary>
    public static readonly Counter<long> Messages = Meter.CreateCounter<long>("vanguard.messages", "{message}", "JSON-RPC messages through the relay, by direction, method and verdict.");

    /// <summary>Findings in the verdicts of the relay, by rule, category and server.</summary>
    public static readonly Counter<long> Findings = Meter.CreateCounter<long>("vanguard.findings", "{finding}", "Findings in relay verdicts, by rule id and MCP-38 category.");

    /// <summary>Time of one inspection layer for one message.</summary>
    public static readonly Histogram<double> InspectionDuration = Meter.CreateHistogram("vanguard.inspection.duration", "s", "Time one inspection layer spent on one message.", advice: DurationAdvice);

    /// <summary>Time of one whole relay step (parse to forward or refuse) for one message.</summary>
    public static readonly Histogram<double> RelayDuration = Meter.CreateHistogram("vanguard.relay.duration", "s", "Time of one relay step: parse, preflight, every layer and the verdict, before forwarding.", advice: DurationAdvice);

    /// <summary>Agent sessions alive now (one per <c>vanguard start</c> process; the gateway's session table).</summary>
    public static readonly UpDownCounter<long> SessionsActive = Meter.CreateUpDownCounter<long>("vanguard.sessions.active", "{session}", "Agent sessions alive now.");

    /// <summary>Upstream server processes (stdio children) running now.</summary>
    public static readonly UpDownCounter<long> UpstreamChildren = Meter.CreateUpDownCounter<long>("vanguard.upstream.children", "{process}", "Upstream MCP server child processes running now.");

    /// <summary>Audit records that could not be written.</summary>
    public static readonly Counter<long> AuditWriteFailures = Meter.CreateCounter<long>("vanguard.audit.write_failures", "{record}", "Audit records that could not be written.");

    /// <summary>Gateway requests refused because authentication failed.</summary>
    public static readonly Counter<long> AuthFailures = Meter.CreateCounter<long>("vanguard.auth.failures", "{request}", "Gateway requests whose authentication failed.");

    /// <summary>Gateway requests refused by a rate limit.</summary>
    public static readonly Counter<long> RateLimitRejections = Meter.CreateCounter<long>("vanguard.rate_limit.rejections", "{request}", "Gateway requests refused by a rate limit.");

    /// <summary>Requests in flight (sent, not yet answered) over every live session, both directions.</summary>
    public static readonly ObservableUpDownCounter<long> PendingRequests = Meter.CreateObservableUpDownCounter("vanguard.requests.pending", PendingRequestCensus.Count, "{request}", "Requests relayed and not yet answered, over every live session.");

    /// <summary>True when anything listens to the relay's per-message metrics or spans: the one test on the hot path.</summary>
    public static bool RelayObserved => Messages.Enabled || RelayDuration.Enabled || InspectionDuration.Enabled || Findings.Enabled || Source.HasListeners();
}
