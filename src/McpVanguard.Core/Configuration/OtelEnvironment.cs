namespace McpVanguard.Configuration;

/// <summary>
/// The standard <c>OTEL_*</c> variables, read as environment values of the <c>telemetry.*</c> keys: below their own
/// <c>VANGUARD_TELEMETRY_*</c> spelling and the command line, above the config file (the usual environment precedence).
/// The SDK is then configured from the options only, so no part of vanguard reads them anywhere else.
/// </summary>
internal static class OtelEnvironment
{
    /// <summary>Variables that set one key each, as they are.</summary>
    private static readonly IReadOnlyDictionary<string, string> Direct = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = ConfigurationKeys.TelemetryOtlpEndpoint,
        ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = ConfigurationKeys.TelemetryOtlpTracesEndpoint,
        ["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = ConfigurationKeys.TelemetryOtlpMetricsEndpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = ConfigurationKeys.TelemetryOtlpProtocol,
        ["OTEL_EXPORTER_OTLP_HEADERS"] = ConfigurationKeys.TelemetryOtlpHeaders,
        ["OTEL_SERVICE_NAME"] = ConfigurationKeys.TelemetryServiceName,
        ["OTEL_METRIC_EXPORT_INTERVAL"] = ConfigurationKeys.TelemetryMetricsIntervalMs,
    };

    /// <summary>Adds the values the <c>OTEL_*</c> variables give to keys not already set by a <c>VANGUARD_*</c> variable.</summary>
    public static void Read(IReadOnlyDictionary<string, string> environment, Dictionary<string, (object Value, string Source)> result)
    {
        void Set(string key, string value, string variable) => result.TryAdd(key, (value, "env:" + variable));

        foreach (var (variable, key) in Direct)
        {
            if (environment.TryGetValue(variable, out var value) && value.Length > 0)
            {
                Set(key, value, variable);
            }
        }

        if (environment.TryGetValue("OTEL_SDK_DISABLED", out var disabled) && disabled.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            Set(ConfigurationKeys.TelemetryMetrics, "false", "OTEL_SDK_DISABLED");
            Set(ConfigurationKeys.TelemetryTraces, "false", "OTEL_SDK_DISABLED");
            Set(ConfigurationKeys.TelemetryPrometheus, "false", "OTEL_SDK_DISABLED");
        }

        if (environment.TryGetValue("OTEL_METRICS_EXPORTER", out var metrics) && metrics.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            Set(ConfigurationKeys.TelemetryMetrics, "false", "OTEL_METRICS_EXPORTER");
        }

        if (environment.TryGetValue("OTEL_TRACES_EXPORTER", out var traces) && traces.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            Set(ConfigurationKeys.TelemetryTraces, "false", "OTEL_TRACES_EXPORTER");
        }

        // The samplers of the specification that a ratio expresses; another name is an error of telemetry.trace_sampling.
        if (environment.TryGetValue("OTEL_TRACES_SAMPLER", out var sampler))
        {
            var ratio = sampler.ToLowerInvariant() switch
            {
                "always_on" or "parentbased_always_on" => "1",
                "always_off" or "parentbased_always_off" => "0",
                "traceidratio" or "parentbased_traceidratio" => environment.GetValueOrDefault("OTEL_TRACES_SAMPLER_ARG", "1"),
                _ => $"(unsupported sampler '{sampler}')",
            };
            Set(ConfigurationKeys.TelemetryTraceSampling, ratio, "OTEL_TRACES_SAMPLER");
        }
    }
}
