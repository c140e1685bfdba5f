using System.Globalization;

namespace McpVanguard.Configuration;

/// <summary>Binds and validates the <c>telemetry.*</c> keys; every bad value is reported with its source (file:line, env:…).</summary>
internal static class TelemetrySectionReader
{
    public static TelemetrySettings Bind(
        Func<string, string> text,
        Func<string, string> source,
        Func<string, int, int, int> number,
        Func<string, bool> flag,
        ConfigurationErrors errors)
    {
        Uri? Endpoint(string key)
        {
            if (text(key) is not { Length: > 0 } url)
            {
                return null;
            }

            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0)
            {
                return uri;
            }

            errors.Add($"{source(key)}: key '{key}' must be an http or https URL without a query, got '{SecretMask.Url(url)}'.");
            return null;
        }

        var endpoint = Endpoint(ConfigurationKeys.TelemetryOtlpEndpoint);
        var tracesEndpoint = Endpoint(ConfigurationKeys.TelemetryOtlpTracesEndpoint);
        var metricsEndpoint = Endpoint(ConfigurationKeys.TelemetryOtlpMetricsEndpoint);

        var protocol = text(ConfigurationKeys.TelemetryOtlpProtocol).ToLowerInvariant();
        if (!TelemetrySettings.Protocols.Contains(protocol))
        {
            errors.Add($"{source(ConfigurationKeys.TelemetryOtlpProtocol)}: key '{ConfigurationKeys.TelemetryOtlpProtocol}' has unknown value '{text(ConfigurationKeys.TelemetryOtlpProtocol)}' (expected {string.Join(" or ", TelemetrySettings.Protocols)}).");
        }

        var headers = text(ConfigurationKeys.TelemetryOtlpHeaders);
        foreach (var pair in headers.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            // Never echo the value: a header is usually a token.
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || pair[..equals].Trim().Length == 0)
            {
                errors.Add($"{source(ConfigurationKeys.TelemetryOtlpHeaders)}: key '{ConfigurationKeys.TelemetryOtlpHeaders}' must be key=value pairs separated by commas.");
                break;
            }
        }

        var serviceName = text(ConfigurationKeys.TelemetryServiceName).Trim();
        if (serviceName.Length is 0 or > 128)
        {
            errors.Add($"{source(ConfigurationKeys.TelemetryServiceName)}: key '{ConfigurationKeys.TelemetryServiceName}' must be 1-128 characters.");
        }

        var samplingText = text(ConfigurationKeys.TelemetryTraceSampling);
        if (!double.TryParse(samplingText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var sampling) || sampling is < 0 or > 1)
        {
            errors.Add($"{source(ConfigurationKeys.TelemetryTraceSampling)}: key '{ConfigurationKeys.TelemetryTraceSampling}' must be a number from 0 to 1, got '{samplingText}'.");
            sampling = 1;
        }

        var host = text(ConfigurationKeys.TelemetryMetricsHost);
        if (!System.Net.IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            errors.Add($"{source(ConfigurationKeys.TelemetryMetricsHost)}: key '{ConfigurationKeys.TelemetryMetricsHost}' must be an IP address, got '{host}'.");
        }

        return new TelemetrySettings
        {
            OtlpEndpoint = endpoint,
            OtlpTracesEndpoint = tracesEndpoint,
            OtlpMetricsEndpoint = metricsEndpoint,
            OtlpProtocol = protocol,
            OtlpHeaders = headers.Length == 0 ? null : headers,
            ServiceName = serviceName,
            Metrics = flag(ConfigurationKeys.TelemetryMetrics),
            Traces = flag(ConfigurationKeys.TelemetryTraces),
            TraceSampling = sampling,

            // 100 ms is the fastest push an OTLP receiver should see; an hour is past any useful dashboard.
            MetricsInterval = TimeSpan.FromMilliseconds(number(ConfigurationKeys.TelemetryMetricsIntervalMs, 100, 3_600_000)),
            Prometheus = flag(ConfigurationKeys.TelemetryPrometheus),
            MetricsHost = host.Trim('[', ']'),
            MetricsPort = text(ConfigurationKeys.TelemetryMetricsPort).Length == 0 ? null : number(ConfigurationKeys.TelemetryMetricsPort, 0, 65535),
        };
    }
}
