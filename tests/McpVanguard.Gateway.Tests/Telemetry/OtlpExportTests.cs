using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using McpVanguard.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace McpVanguard.Gateway.Tests.Telemetry;

/// <summary>
/// The real <c>vanguard serve</c> process, configured only by the standard <c>OTEL_*</c> variables, pushes metrics and
/// spans over OTLP/HTTP to a tiny receiver on loopback in this test.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact(Timeout = 180_000)]
    public async Task ServeWithAnOtlpEndpointPushesItsMetricsAndSpans()
    {
        var received = await RunServeAsync(
            endpoint => new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint },
            received => Contains(received, "/v1/metrics", "vanguard.messages") && Contains(received, "/v1/traces", "vanguard.message") && Contains(received, "/v1/traces", "vanguard.inspect l1"),
            TestContext.Current.CancellationToken);

        Assert.All(received.Values.SelectMany(b => b), r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.True(Contains(received, "/v1/metrics", "vanguard-otlp-test"), "the service name is the resource's service.name");
        Assert.True(Contains(received, "/v1/metrics", "vanguard.inspection.duration"));
    }

    [Fact(Timeout = 180_000)]
    public async Task SignalEndpointsAreUsedAsTheyAre()
    {
        // A collector that takes each signal at its own path (OTEL_EXPORTER_OTLP_{TRACES,METRICS}_ENDPOINT): no /v1/… is added.
        var received = await RunServeAsync(
            endpoint => new()
            {
                ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = endpoint + "/collector/spans",
                ["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = endpoint + "/collector/numbers",
            },
            received => Contains(received, "/collector/numbers", "vanguard.messages") && Contains(received, "/collector/spans", "vanguard.message"),
            TestContext.Current.CancellationToken);

        Assert.DoesNotContain("/v1/traces", received.Keys);
        Assert.DoesNotContain("/v1/metrics", received.Keys);
    }

    /// <summary>Runs the real <c>vanguard serve</c> with the OTEL_* variables <paramref name="environment"/> gives for the receiver's URL, until <paramref name="done"/>.</summary>
    private static async Task<ConcurrentDictionary<string, ConcurrentBag<(string ContentType, byte[] Body)>>> RunServeAsync(
        Func<string, Dictionary<string, string>> environment,
        Func<ConcurrentDictionary<string, ConcurrentBag<(string ContentType, byte[] Body)>>, bool> done,
        CancellationToken token)
    {
        TestPeers.RequireNodePackages();
        var received = new ConcurrentDictionary<string, ConcurrentBag<(string ContentType, byte[] Body)>>();
        await using var receiver = await StartReceiverAsync(received, token);
        var endpoint = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var audit = Path.Combine(Path.GetTempPath(), $"vanguard-otlp-test-{Guid.NewGuid():N}.jsonl");
        var info = new ProcessStartInfo(TestPeers.VanguardProgram) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment(endpoint))
        {
            info.Environment[name] = value;
        }

        info.Environment["OTEL_METRIC_EXPORT_INTERVAL"] = "300";
        info.Environment["OTEL_SERVICE_NAME"] = "vanguard-otlp-test";
        foreach (var argument in TestPeers.VanguardArguments("serve", "--port", "0", "--audit-log", audit, "--server", $"node \"{TestPeers.Fixture("file-tools.js")}\""))
        {
            info.ArgumentList.Add(argument);
        }

        using var vanguard = Process.Start(info)!;
        try
        {
            var url = await ServeListeningUrl.ReadAsync(vanguard, token);
            await using (var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(url), TransportMode = HttpTransportMode.StreamableHttp }), cancellationToken: token))
            {
                Assert.NotEmpty(await client.ListToolsAsync(cancellationToken: token));
            }

            // Spans are batched (5 s by default) and metrics pushed every 300 ms: wait for both, bounded by the test's timeout.
            while (!done(received))
            {
                await Task.Delay(200, token);
            }
        }
        finally
        {
            if (!vanguard.HasExited)
            {
                vanguard.Kill(entireProcessTree: true);
            }

            File.Delete(audit);
        }

        return received;
    }

    /// <summary>True when a body posted to <paramref name="path"/> holds <paramref name="text"/> (protobuf keeps strings as UTF-8).</summary>
    private static bool Contains(ConcurrentDictionary<string, ConcurrentBag<(string ContentType, byte[] Body)>> received, string path, string text)
        => received.TryGetValue(path, out var bodies) && bodies.Any(b => b.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0);

    private static async Task<WebApplication> StartReceiverAsync(ConcurrentDictionary<string, ConcurrentBag<(string, byte[])>> received, CancellationToken token)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            received.GetOrAdd(context.Request.Path.Value ?? "/", _ => []).Add((context.Request.ContentType ?? string.Empty, body.ToArray()));

            // An empty Export*ServiceResponse message is zero bytes of protobuf.
            context.Response.ContentType = "application/x-protobuf";
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await app.StartAsync(token);
        return app;
    }
}
