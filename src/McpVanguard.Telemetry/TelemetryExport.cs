using McpVanguard.Configuration;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace McpVanguard.Telemetry;

/// <summary>
/// What the <c>telemetry.*</c> settings mean to the OpenTelemetry SDK, in one place for <c>vanguard start</c> (its own
/// providers, <see cref="TelemetryProviders"/>) and <c>vanguard serve</c> (the gateway's hosted providers): the
/// McpVanguard meter and source, the resource, the sampler and the OTLP exporters.
/// </summary>
public static class TelemetryExport
{
    /// <summary>The resource every signal carries: <c>service.name</c>, <c>service.version</c> and the SDK's own attributes.</summary>
    public static ResourceBuilder Resource(this ResourceBuilder resource, TelemetrySettings settings)
        => resource.AddService(settings.ServiceName, serviceVersion: VanguardVersion.Text);

    /// <summary>Subscribes to the McpVanguard meter and pushes it over OTLP when an endpoint is set.</summary>
    public static MeterProviderBuilder AddVanguardMetrics(this MeterProviderBuilder builder, TelemetrySettings settings)
    {
        builder.AddMeter(VanguardTelemetry.Name);
        if (settings.ExportsOtlpMetrics)
        {
            builder.AddOtlpExporter((exporter, reader) =>
            {
                Configure(exporter, settings, settings.OtlpMetricsEndpoint, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)settings.MetricsInterval.TotalMilliseconds;
            });
        }

        return builder;
    }

    /// <summary>Subscribes to the McpVanguard source with the configured sampling and exports over OTLP when an endpoint is set.</summary>
    public static TracerProviderBuilder AddVanguardTraces(this TracerProviderBuilder builder, TelemetrySettings settings)
    {
        builder.AddSource(VanguardTelemetry.Name)
            .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.TraceSampling)));
        if (settings.ExportsOtlpTraces)
        {
            builder.AddOtlpExporter(exporter => Configure(exporter, settings, settings.OtlpTracesEndpoint, "v1/traces"));
        }

        return builder;
    }

    /// <summary>
    /// The exporter's endpoint, protocol and headers from the settings alone (the SDK would otherwise read OTEL_* itself).
    /// Over http/protobuf the shared endpoint is a base URL, as OTEL_EXPORTER_OTLP_ENDPOINT is: the signal's path is added;
    /// a signal's own endpoint (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT…) is used as it is, as the specification says.
    /// </summary>
    private static void Configure(OtlpExporterOptions exporter, TelemetrySettings settings, Uri? signalEndpoint, string signalPath)
    {
        exporter.Headers = settings.OtlpHeaders;
        exporter.Protocol = settings.OtlpProtocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        if (signalEndpoint is not null)
        {
            exporter.Endpoint = signalEndpoint;
            return;
        }

        // gRPC takes the collector's address; http/protobuf a base URL plus the signal's path.
        var text = settings.OtlpEndpoint!.AbsoluteUri;
        exporter.Endpoint = exporter.Protocol == OtlpExportProtocol.Grpc ? settings.OtlpEndpoint : new Uri((text.EndsWith('/') ? text : text + "/") + signalPath);
    }
}
