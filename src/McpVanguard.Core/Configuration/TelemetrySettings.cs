namespace McpVanguard.Configuration;

/// <summary>
/// The <c>telemetry.*</c> settings (docs/TELEMETRY.md): OTLP export of metrics and traces, and the Prometheus scrape
/// endpoint of <c>vanguard serve</c>. Everything is off until an endpoint, <c>prometheus</c> or a metrics port is set.
/// </summary>
public sealed record TelemetrySettings
{
    /// <summary>The OTLP protocols <c>telemetry.otlp_protocol</c> accepts (the names of <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>).</summary>
    public static readonly IReadOnlyList<string> Protocols = ["http/protobuf", "grpc"];

    /// <summary>Where OTLP goes: the base URL (<c>/v1/metrics</c> and <c>/v1/traces</c> are added for http/protobuf); null exports nothing.</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>Where traces go, used as is (no path added), over <see cref="OtlpEndpoint"/>: as <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>.</summary>
    public Uri? OtlpTracesEndpoint { get; init; }

    /// <summary>Where metrics go, used as is (no path added), over <see cref="OtlpEndpoint"/>: as <c>OTEL_EXPORTER_OTLP_METRICS_ENDPOINT</c>.</summary>
    public Uri? OtlpMetricsEndpoint { get; init; }

    /// <summary><c>http/protobuf</c> (default) or <c>grpc</c>.</summary>
    public string OtlpProtocol { get; init; } = "http/protobuf";

    /// <summary>Headers sent with every export (<c>key=value,key=value</c>, as <c>OTEL_EXPORTER_OTLP_HEADERS</c>): often a token.</summary>
    public string? OtlpHeaders { get; init; }

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; init; } = "mcp-vanguard";

    /// <summary>Export metrics when an endpoint is set.</summary>
    public bool Metrics { get; init; } = true;

    /// <summary>Export traces when an endpoint is set.</summary>
    public bool Traces { get; init; } = true;

    /// <summary>The share of new traces sampled (0 to 1); a trace with a sampled parent is always kept (parent-based).</summary>
    public double TraceSampling { get; init; } = 1.0;

    /// <summary>How often metrics are pushed over OTLP.</summary>
    public TimeSpan MetricsInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>vanguard serve</c> answers <c>/metrics</c> (Prometheus text) on its own port, behind its authentication.</summary>
    public bool Prometheus { get; init; }

    /// <summary>The address of the separate, unauthenticated metrics listener.</summary>
    public string MetricsHost { get; init; } = "127.0.0.1";

    /// <summary>The port of the separate metrics listener (<c>--metrics-port</c>); null when there is none, 0 picks a free one.</summary>
    public int? MetricsPort { get; init; }

    /// <summary>Metrics leave the process by OTLP.</summary>
    public bool ExportsOtlpMetrics => (OtlpMetricsEndpoint ?? OtlpEndpoint) is not null && Metrics;

    /// <summary>Traces leave the process by OTLP.</summary>
    public bool ExportsOtlpTraces => (OtlpTracesEndpoint ?? OtlpEndpoint) is not null && Traces && TraceSampling > 0;

    /// <summary>Something reads the metrics: OTLP, <c>/metrics</c> or the metrics port.</summary>
    public bool CollectsMetrics => ExportsOtlpMetrics || Prometheus || MetricsPort is not null;

    /// <summary>Any telemetry at all; false keeps the OpenTelemetry SDK unloaded.</summary>
    public bool Enabled => CollectsMetrics || ExportsOtlpTraces;
}
