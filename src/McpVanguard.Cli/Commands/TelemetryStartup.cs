using System.Runtime.CompilerServices;
using McpVanguard.Configuration;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// Starts the OpenTelemetry providers of <c>vanguard start</c> when <c>telemetry.*</c> asks for them. Kept apart so that
/// the JIT loads the telemetry assembly and the OpenTelemetry SDK only when telemetry is on.
/// </summary>
internal static class TelemetryStartup
{
    /// <summary>The running providers (dispose to flush), or null when telemetry is off.</summary>
    public static IDisposable? Begin(TelemetrySettings settings, TextWriter log)
    {
        if (settings.Prometheus || settings.MetricsPort is not null)
        {
            // Not an error: one vanguard.yaml often serves both commands.
            log.WriteLine("[vanguard] telemetry.prometheus and telemetry.metrics_port apply to 'vanguard serve' only; 'start' exports by OTLP.");
        }

        return settings.ExportsOtlpMetrics || settings.ExportsOtlpTraces ? Start(settings) : null;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IDisposable Start(TelemetrySettings settings) => McpVanguard.Telemetry.TelemetryProviders.Start(settings);
}
