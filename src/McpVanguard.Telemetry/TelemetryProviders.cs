using McpVanguard.Configuration;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace McpVanguard.Telemetry;

/// <summary>
/// The meter and tracer providers of a process without a host (<c>vanguard start</c>): built from the settings, alive
/// until disposed, when what is buffered is exported (a last metrics push, the last spans).
/// </summary>
public sealed class TelemetryProviders : IDisposable
{
    private readonly MeterProvider? _meters;
    private readonly TracerProvider? _tracers;

    private TelemetryProviders(MeterProvider? meters, TracerProvider? tracers)
    {
        _meters = meters;
        _tracers = tracers;
    }

    /// <summary>Starts what <paramref name="settings"/> ask for; <paramref name="metrics"/> and <paramref name="traces"/> add readers (tests' in-memory exporters).</summary>
    public static TelemetryProviders Start(TelemetrySettings settings, Action<MeterProviderBuilder>? metrics = null, Action<TracerProviderBuilder>? traces = null)
    {
        MeterProvider? meters = null;
        if (settings.ExportsOtlpMetrics || metrics is not null)
        {
            var builder = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(ResourceBuilder.CreateDefault().Resource(settings)).AddVanguardMetrics(settings);
            metrics?.Invoke(builder);
            meters = builder.Build();
        }

        TracerProvider? tracers = null;
        if (settings.ExportsOtlpTraces || traces is not null)
        {
            var builder = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(ResourceBuilder.CreateDefault().Resource(settings)).AddVanguardTraces(settings);
            traces?.Invoke(builder);
            tracers = builder.Build();
        }

        return new TelemetryProviders(meters, tracers);
    }

    /// <summary>Exports what is buffered now (tests read the in-memory exporters after it).</summary>
    public void Flush()
    {
        _meters?.ForceFlush();
        _tracers?.ForceFlush();
    }

    public void Dispose()
    {
        _tracers?.Dispose();
        _meters?.Dispose();
    }
}
