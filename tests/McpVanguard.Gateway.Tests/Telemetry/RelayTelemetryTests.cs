using System.Diagnostics;
using System.Text;
using McpVanguard.Configuration;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace McpVanguard.Gateway.Tests.Telemetry;

/// <summary>
/// The names, units and attributes a dashboard author relies on, read by the OpenTelemetry SDK's in-memory exporter from
/// the engine <c>vanguard start</c> and <c>serve</c> compose (<c>EngineFactory.Compose</c>) and the real relay.
/// </summary>
public sealed class RelayTelemetryTests
{
    [Fact]
    public async Task ARelayedMessageHasItsCountsLayerDurationsAndOneSpanWithAChildPerLayer()
    {
        var serverId = "otel-" + Guid.NewGuid().ToString("N")[..8];
        var options = ConfigurationLoader.Load(new Dictionary<string, object> { [ConfigurationKeys.ServerId] = serverId }, new Dictionary<string, string>(), null, []);
        var engine = McpVanguard.Cli.Commands.EngineFactory.Compose(options, McpVanguard.Inspection.Rules.RuleLoader.Load(null), pins: null);
        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        using (var providers = TelemetryProviders.Start(options.Telemetry, m => m.AddInMemoryExporter(metrics), t => t.AddInMemoryExporter(spans)))
        {
            var session = new RelaySession("otel-session", serverId, 64, TimeSpan.FromMinutes(1));
            var relay = new McpRelay(engine, session, new NullSink(), new NullSink(), Audit.NullAuditSink.Instance);
            var clean = await relay.FromAgentAsync(Frame("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_file","arguments":{"path":"notes/today.md"}}}"""), CancellationToken.None);
            var blocked = await relay.FromAgentAsync(Frame("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"read_file","arguments":{"path":"../../../../etc/passwd"}}}"""), CancellationToken.None);
            await relay.FromServerAsync(Frame("""{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"hello"}]}}"""), CancellationToken.None);
            Assert.True(clean.Forwarded);
            Assert.False(blocked.Forwarded);
            providers.Flush();
        }

        var messages = Single(metrics, "vanguard.messages");
        Assert.Equal("{message}", messages.Unit);
        Assert.Equal(MetricType.LongSum, messages.MetricType);
        var byTags = Points(messages).Where(p => p.Tags[TelemetryTags.ServerId] as string == serverId).ToList();
        Assert.Contains(byTags, p => Is(p, "agent_to_server", "tools/call", "allow") && p.Point.GetSumLong() == 1);
        Assert.Contains(byTags, p => Is(p, "agent_to_server", "tools/call", "block") && p.Point.GetSumLong() == 1);

        // A response is counted under the method of the request it answers.
        Assert.Contains(byTags, p => Is(p, "server_to_agent", "tools/call", "allow"));

        var findings = Single(metrics, "vanguard.findings");
        Assert.Equal("{finding}", findings.Unit);
        var traversal = Points(findings).Where(p => p.Tags[TelemetryTags.ServerId] as string == serverId).ToList();
        Assert.NotEmpty(traversal);
        Assert.All(traversal, p => Assert.StartsWith("MCP-", (string)p.Tags[TelemetryTags.Category]!, StringComparison.Ordinal));
        Assert.All(traversal, p => Assert.False(string.IsNullOrEmpty(p.Tags[TelemetryTags.RuleId] as string)));

        var durations = Single(metrics, "vanguard.inspection.duration");
        Assert.Equal("s", durations.Unit);
        Assert.Equal(MetricType.Histogram, durations.MetricType);
        var layers = Points(durations).Where(p => p.Tags[TelemetryTags.Direction] as string == "agent_to_server").Select(p => (string)p.Tags[TelemetryTags.Layer]!).ToHashSet();
        Assert.Superset(new HashSet<string> { "preflight", "l0", "l1", "analysers" }, layers);
        Assert.Equal("s", Single(metrics, "vanguard.relay.duration").Unit);

        // One span per message, its layers as children of it, with the attributes a trace search uses.
        var messageSpans = spans.Where(s => s.OperationName == MessageTelemetry.MessageSpan && s.GetTagItem(TelemetryTags.ServerId) as string == serverId).ToList();
        Assert.Equal(3, messageSpans.Count);
        var block = Assert.Single(messageSpans, s => s.GetTagItem(TelemetryTags.Verdict) as string == "block");
        Assert.Equal("tools/call", block.GetTagItem(TelemetryTags.Method));
        Assert.Equal("read_file", block.GetTagItem(TelemetryTags.Tool));
        Assert.Equal("otel-session", block.GetTagItem(TelemetryTags.SessionId));
        Assert.Equal("2", block.GetTagItem(TelemetryTags.RequestId));
        var children = spans.Where(s => s.ParentSpanId == block.SpanId).Select(s => s.OperationName).ToList();
        Assert.Superset(new HashSet<string> { "vanguard.inspect preflight", "vanguard.inspect l0", "vanguard.inspect l1", "vanguard.inspect analysers" }, children.ToHashSet());
        Assert.All(spans.Where(s => s.ParentSpanId == block.SpanId), s => Assert.Equal(block.TraceId, s.TraceId));

        // The answer's span links to the span of the request it answers.
        var request = Assert.Single(messageSpans, s => s.GetTagItem(TelemetryTags.Direction) as string == "agent_to_server" && s.GetTagItem(TelemetryTags.Verdict) as string == "allow");
        var answer = Assert.Single(messageSpans, s => s.GetTagItem(TelemetryTags.Direction) as string == "server_to_agent");
        var link = Assert.Single(answer.Links);
        Assert.Equal(request.SpanId, link.Context.SpanId);
        Assert.Equal(request.TraceId, link.Context.TraceId);
    }

    [Fact]
    public void APeerChosenMethodNameIsNotAMetricAttribute()
    {
        Assert.Equal("tools/call", MethodNames.Bounded("tools/call"));
        Assert.Equal(MethodNames.Other, MethodNames.Bounded("tools/call-" + Guid.NewGuid()));
        Assert.Equal(MethodNames.Response, MethodNames.Bounded(null));
    }

    /// <summary>The metric named <paramref name="name"/> (each export adds the same live instances again, so the first is taken).</summary>
    internal static Metric Single(List<Metric> metrics, string name)
    {
        Assert.Contains(metrics, m => m.Name == name);
        return metrics.First(m => m.Name == name);
    }

    internal static List<(Dictionary<string, object?> Tags, MetricPoint Point)> Points(Metric metric)
    {
        var result = new List<(Dictionary<string, object?>, MetricPoint)>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            result.Add((tags, point));
        }

        return result;
    }

    private static bool Is((Dictionary<string, object?> Tags, MetricPoint Point) p, string direction, string method, string verdict)
        => p.Tags[TelemetryTags.Direction] as string == direction && p.Tags[TelemetryTags.Method] as string == method && p.Tags[TelemetryTags.Verdict] as string == verdict;

    private static ReadOnlyMemory<byte> Frame(string json) => Encoding.UTF8.GetBytes(json);

    private sealed class NullSink : IMessageSink
    {
        public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
