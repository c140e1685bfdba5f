using System.Runtime.CompilerServices;
using McpVanguard.Configuration;
using McpVanguard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace McpVanguard.Gateway.Hosting;

/// <summary>
/// The gateway's OpenTelemetry: hosted meter and tracer providers (started and flushed with the host) over the McpVanguard
/// meter and source, ASP.NET Core's request spans (the parents of the relay's message spans), OTLP export and the
/// Prometheus exporter behind <c>/metrics</c>. Kept apart so that a gateway without telemetry never loads the SDK.
/// </summary>
internal static class GatewayTelemetry
{
    /// <summary>The path of the Prometheus text exposition, on the gateway port or on the metrics port.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>True when <paramref name="host"/> asks for any telemetry (the settings, or a test's reader).</summary>
    public static bool IsWanted(GatewayHostOptions host)
        => host.Options.Telemetry.Enabled || host.TestMetrics is not null || host.TestTraces is not null;

    /// <summary>True when a Prometheus exporter is needed (<c>telemetry.prometheus</c> or a metrics port).</summary>
    public static bool ServesPrometheus(TelemetrySettings settings) => settings.Prometheus || settings.MetricsPort is not null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AddTo(IServiceCollection services, GatewayHostOptions host)
    {
        var settings = host.Options.Telemetry;
        var otel = services.AddOpenTelemetry().ConfigureResource(resource => resource.Resource(settings));
        if (settings.CollectsMetrics || host.TestMetrics is not null)
        {
            otel.WithMetrics(metrics =>
            {
                metrics.AddVanguardMetrics(settings);
                if (ServesPrometheus(settings))
                {
                    metrics.AddPrometheusExporter();
                }

                host.TestMetrics?.Invoke(metrics);
            });
        }

        if (settings.ExportsOtlpTraces || host.TestTraces is not null)
        {
            otel.WithTracing(traces =>
            {
                traces.AddAspNetCoreInstrumentation(o => o.Filter = context => context.Request.Path != MetricsPath);
                traces.AddVanguardTraces(settings);
                host.TestTraces?.Invoke(traces);
            });
        }
    }

    /// <summary>Maps <c>/metrics</c> on <paramref name="group"/>, so it carries the group's authorization and rate limit.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void MapScrapeEndpoint(RouteGroupBuilder group) => group.MapPrometheusScrapingEndpoint(MetricsPath);

    /// <summary>The meter provider the host built (the metrics port's listener serves it).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object MeterProviderOf(IServiceProvider services) => services.GetRequiredService<MeterProvider>();

    /// <summary>Exports what is buffered now (tests read the in-memory exporters after it).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Flush(IServiceProvider services)
    {
        services.GetService<MeterProvider>()?.ForceFlush();
        services.GetService<TracerProvider>()?.ForceFlush();
    }
}
