using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using McpVanguard.Configuration;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Telemetry;
using McpVanguard.Testing;
using ModelContextProtocol.Client;
using OpenTelemetry.Trace;

namespace McpVanguard.Gateway.Tests.Telemetry;

/// <summary>
/// Prometheus <c>/metrics</c> of a real gateway on loopback (behind its API key, or on the separate metrics port without
/// it), scraped and parsed after real traffic from the official C# client; and the request spans ASP.NET Core makes as
/// parents of the relay's message spans.
/// </summary>
public sealed partial class MetricsEndpointTests
{
    private const string Key = "metrics-key-0123456789abcdef";

    [Fact(Timeout = 120_000)]
    public async Task MetricsOnTheGatewayPortNeedTheKeyAndShowTheTrafficInTheExpositionFormat()
    {
        TestPeers.RequireNodePackages();
        var token = TestContext.Current.CancellationToken;
        var serverId = "prom-" + Guid.NewGuid().ToString("N")[..8];
        await using var gateway = await GatewayHarness.StartFromConfigAsync("""
            telemetry:
              prometheus: true
            """, Upstream(serverId), new Dictionary<string, string> { ["VANGUARD_API_KEY"] = Key });
        using var http = gateway.NewHttpClient();

        using (var anonymous = await http.GetAsync("/metrics", token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        await CallToolsAsync(gateway, token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-API-Key", Key);
        using var response = await http.SendAsync(request, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var samples = Parse(await response.Content.ReadAsStringAsync(token), out var types);

        // The family name of a counter is written with or without _total depending on the exporter's format version.
        Assert.Equal("counter", types.GetValueOrDefault("vanguard_messages_total") ?? types.GetValueOrDefault("vanguard_messages"));
        Assert.Equal("histogram", types.GetValueOrDefault("vanguard_inspection_duration_seconds"));
        Assert.Contains(samples, s => s.Name == "vanguard_messages_total" && s.Labels.GetValueOrDefault("vanguard_server_id") == serverId
            && s.Labels.GetValueOrDefault("mcp_method_name") == "tools/list" && s.Labels.GetValueOrDefault("vanguard_direction") == "agent_to_server"
            && s.Labels.GetValueOrDefault("vanguard_verdict") == "allow" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "vanguard_inspection_duration_seconds_bucket" && s.Labels.GetValueOrDefault("vanguard_layer") == "l1" && s.Labels.ContainsKey("le"));
        Assert.Contains(samples, s => s.Name == "vanguard_relay_duration_seconds_count" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "vanguard_sessions_active");
    }

    [Fact(Timeout = 120_000)]
    public async Task TheMetricsPortAnswersMetricsWithoutAuthenticationAndNothingElse()
    {
        TestPeers.RequireNodePackages();
        var token = TestContext.Current.CancellationToken;
        var serverId = "promport-" + Guid.NewGuid().ToString("N")[..8];
        await using var gateway = await GatewayHarness.StartFromConfigAsync("""
            telemetry:
              metrics_port: 0
            """, Upstream(serverId), new Dictionary<string, string> { ["VANGUARD_API_KEY"] = Key });
        await CallToolsAsync(gateway, token);
        var url = new Uri(Assert.Single(gateway.Server.MetricsUrls));
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(url.Host)));
        using var http = new HttpClient { BaseAddress = url };

        var text = await http.GetStringAsync("/metrics", token);
        Assert.Contains(Parse(text, out _), s => s.Name == "vanguard_messages_total" && s.Labels.GetValueOrDefault("vanguard_server_id") == serverId);
        using var mcp = await http.PostAsync("/mcp", new StringContent("{}"), token);
        Assert.Equal(HttpStatusCode.NotFound, mcp.StatusCode);

        // The gateway port does not serve /metrics when only the metrics port is asked for.
        using var main = gateway.NewHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-API-Key", Key);
        using var onMain = await main.SendAsync(request, token);
        Assert.NotEqual(HttpStatusCode.OK, onMain.StatusCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task TheRequestSpanOfAPostIsTheParentOfItsMessageSpan()
    {
        TestPeers.RequireNodePackages();
        var token = TestContext.Current.CancellationToken;
        var serverId = "spans-" + Guid.NewGuid().ToString("N")[..8];
        var spans = new List<Activity>();
        var gateway = await GatewayHarness.StartAsync(Upstream(serverId), null, host => host with { TestTraces = traces => traces.AddInMemoryExporter(spans) });
        await using (gateway)
        {
            await using var client = await gateway.ConnectAsync(token);
            await client.ListToolsAsync(cancellationToken: token);
            gateway.Server.FlushTelemetry();
        }

        var list = Assert.Single(spans.ToList(), s => s.OperationName == MessageTelemetry.MessageSpan && s.GetTagItem(TelemetryTags.ServerId) as string == serverId
            && s.GetTagItem(TelemetryTags.Method) as string == "tools/list" && s.GetTagItem(TelemetryTags.Direction) as string == "agent_to_server");
        var parent = Assert.Single(spans.ToList(), s => s.SpanId == list.ParentSpanId);
        Assert.Equal(ActivityKind.Server, parent.Kind);
        Assert.Equal("POST", parent.GetTagItem("http.request.method"));
        Assert.Equal(list.TraceId, parent.TraceId);
    }

    private static IReadOnlyList<UpstreamDefinition> Upstream(string id) => [UpstreamDefinition.Stdio(id, ["node", TestPeers.Fixture("file-tools.js")])];

    private static async Task CallToolsAsync(GatewayHarness gateway, CancellationToken token)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = gateway.Mcp,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["X-API-Key"] = Key },
        });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: token);
        Assert.NotEmpty(await client.ListToolsAsync(cancellationToken: token));
    }

    /// <summary>A sample line of the text exposition format: name, labels, value.</summary>
    internal sealed record Sample(string Name, Dictionary<string, string> Labels, double Value);

    /// <summary>Parses the Prometheus text format strictly: every line is a comment, blank, or a well-formed sample.</summary>
    internal static List<Sample> Parse(string text, out Dictionary<string, string> types)
    {
        types = [];
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                types[parts[2]] = parts[3];
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a Prometheus sample line: {line}");
            var labels = new Dictionary<string, string>();
            foreach (Match label in LabelPair().Matches(match.Groups["labels"].Value))
            {
                labels[label.Groups[1].Value] = label.Groups[2].Value;
            }

            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var number => double.Parse(number, System.Globalization.CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(match.Groups["name"].Value, labels, value));
        }

        return samples;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)( -?\d+)?$", RegexOptions.NonBacktracking)]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
