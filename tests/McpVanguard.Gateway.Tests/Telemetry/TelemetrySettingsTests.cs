using McpVanguard.Configuration;

namespace McpVanguard.Gateway.Tests.Telemetry;

/// <summary>The <c>telemetry.*</c> keys and the standard <c>OTEL_*</c> variables, read and validated by the configuration layer.</summary>
public sealed class TelemetrySettingsTests
{
    [Fact]
    public void TelemetryIsOffByDefault()
    {
        var settings = Load(new Dictionary<string, string>()).Telemetry;
        Assert.False(settings.Enabled);
        Assert.Null(settings.OtlpEndpoint);
    }

    [Fact]
    public void OtelVariablesConfigureExportAndVanguardSpellingsWin()
    {
        var options = Load(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTEL_SERVICE_NAME"] = "from-otel",
            ["VANGUARD_TELEMETRY_SERVICE_NAME"] = "from-vanguard",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1500",
            ["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio",
            ["OTEL_TRACES_SAMPLER_ARG"] = "0.25",
            ["OTEL_METRICS_EXPORTER"] = "none",
        });
        var settings = options.Telemetry;
        Assert.Equal(new Uri("http://127.0.0.1:4318"), settings.OtlpEndpoint);
        Assert.Equal("grpc", settings.OtlpProtocol);
        Assert.Equal("from-vanguard", settings.ServiceName);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), settings.MetricsInterval);
        Assert.Equal(0.25, settings.TraceSampling);
        Assert.False(settings.ExportsOtlpMetrics);
        Assert.True(settings.ExportsOtlpTraces);
        Assert.Equal("env:OTEL_EXPORTER_OTLP_ENDPOINT", options.Sources[ConfigurationKeys.TelemetryOtlpEndpoint]);
    }

    [Fact]
    public void ASignalsOwnEndpointTurnsOnOnlyThatSignalAndABadOneIsAnError()
    {
        var options = Load(new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = "http://127.0.0.1:4318/custom/traces" });
        Assert.Equal(new Uri("http://127.0.0.1:4318/custom/traces"), options.Telemetry.OtlpTracesEndpoint);
        Assert.True(options.Telemetry.ExportsOtlpTraces);
        Assert.False(options.Telemetry.ExportsOtlpMetrics);
        Assert.Equal("env:OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", options.Sources[ConfigurationKeys.TelemetryOtlpTracesEndpoint]);

        var error = Assert.Throws<ConfigurationException>(() => Load(new Dictionary<string, string> { ["VANGUARD_TELEMETRY_OTLP_METRICS_ENDPOINT"] = "ftp://collector/m" }));
        Assert.Contains(error.Errors, e => e.Contains("key 'telemetry.otlp_metrics_endpoint' must be an http or https URL", StringComparison.Ordinal));
    }

    [Fact]
    public void OtelSdkDisabledTurnsEverythingOff()
    {
        var settings = Load(new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318", ["OTEL_SDK_DISABLED"] = "true" }).Telemetry;
        Assert.False(settings.Enabled);
    }

    [Theory]
    [InlineData("VANGUARD_TELEMETRY_OTLP_ENDPOINT", "ftp://collector:21", "telemetry.otlp_endpoint")]
    [InlineData("VANGUARD_TELEMETRY_OTLP_PROTOCOL", "http/json", "telemetry.otlp_protocol")]
    [InlineData("VANGUARD_TELEMETRY_OTLP_HEADERS", "no-equals-sign", "telemetry.otlp_headers")]
    [InlineData("VANGUARD_TELEMETRY_TRACE_SAMPLING", "1.5", "telemetry.trace_sampling")]
    [InlineData("OTEL_TRACES_SAMPLER", "jaeger_remote", "telemetry.trace_sampling")]
    [InlineData("VANGUARD_TELEMETRY_METRICS_HOST", "metrics.example.com", "telemetry.metrics_host")]
    [InlineData("VANGUARD_TELEMETRY_METRICS_PORT", "70000", "telemetry.metrics_port")]
    [InlineData("VANGUARD_TELEMETRY_METRICS_INTERVAL_MS", "10", "telemetry.metrics_interval_ms")]
    public void ABadValueIsAStartUpErrorNamingItsKey(string variable, string value, string key)
    {
        var error = Assert.Throws<ConfigurationException>(() => Load(new Dictionary<string, string> { [variable] = value }));
        Assert.Contains(key, string.Join('\n', error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void HeadersAreNeverEchoedInAnError()
    {
        var error = Assert.Throws<ConfigurationException>(() => Load(new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_HEADERS"] = "secret-token-value" }));
        Assert.DoesNotContain("secret-token-value", string.Join('\n', error.Errors), StringComparison.Ordinal);
    }

    private static VanguardOptions Load(Dictionary<string, string> environment)
        => ConfigurationLoader.Load(new Dictionary<string, object>(), environment, null, [], userConfigDirectory: Path.GetTempPath());
}
