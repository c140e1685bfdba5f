using System.Net;
using McpVanguard.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace McpVanguard.Gateway.Hosting;

/// <summary>
/// The separate metrics port (<c>--metrics-port</c>, <c>telemetry.metrics_port</c>): its own Kestrel listener on
/// <c>telemetry.metrics_host</c> (loopback by default) that answers <c>/metrics</c> and nothing else, without
/// authentication. Nothing of the MCP endpoints is reachable through it.
/// </summary>
internal sealed class MetricsListener : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsListener(WebApplication app) => _app = app;

    /// <summary>The listener's addresses once started (a port of 0 is resolved).</summary>
    public IReadOnlyList<string> Urls => [.. _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    public static MetricsListener Create(TelemetrySettings settings, object meterProvider)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(MetricsListener).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddOptions();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Parse(settings.MetricsHost), settings.MetricsPort ?? 0);
        });
        var app = builder.Build();
        app.UseOpenTelemetryPrometheusScrapingEndpoint((MeterProvider)meterProvider, predicate: null, path: GatewayTelemetry.MetricsPath, configureBranchedPipeline: null, optionsName: null);
        return new MetricsListener(app);
    }

    public Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
