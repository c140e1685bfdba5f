using System.Net;
using McpVanguard.Configuration;
using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.Hosting;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Rules;
using McpVanguard.Inspection.Semantic;

namespace McpVanguard.Gateway.Tests;

/// <summary>
/// <c>/readyz</c> with L2 on: 503 while the scorer's model loads (a message scored meanwhile would wait for it), or when
/// it failed to load; 200 once it is loaded. Real Kestrel on loopback, composed by <see cref="GatewayServer.Create"/>.
/// </summary>
public sealed class SemanticReadinessTests
{
    /// <summary>A scorer whose load the test controls; priming never reaches it (it is not the in-process model).</summary>
    private sealed class LoadingScorer(Task ready) : ISemanticScorer
    {
        public string Provider => "slow-loader";

        public string Model => "test-model";

        public Task Ready => ready;

        public ValueTask<SemanticScore> ScoreAsync(SemanticRequest request, CancellationToken cancellationToken)
            => ValueTask.FromResult(new SemanticScore(0.1, "benign", "test"));
    }

    private static async Task<GatewayServer> StartAsync(ISemanticScorer scorer)
    {
        var values = new Dictionary<string, object>
        {
            [ConfigurationKeys.GatewayHost] = "127.0.0.1",
            [ConfigurationKeys.GatewayPort] = "0",
            [ConfigurationKeys.ShutdownGraceMs] = "200",
            [ConfigurationKeys.AuditLog] = Path.Combine(Path.GetTempPath(), "vanguard-gateway-tests-unused.jsonl"),
        };
        var options = ConfigurationLoader.Load(values, new Dictionary<string, string>(), null, []);
        var engine = InspectionEngine.Create(options, RuleLoader.Load(null), stages: new SemanticStage(scorer, options.Semantic).BothDirections());
        var host = new GatewayHostOptions { Options = options, Servers = [UpstreamDefinition.Stdio("everything", TestPeers.Everything)], Auth = GatewayAuthOptionsReader.Read(options, new Dictionary<string, string>()), Time = TimeProvider.System };
        var server = GatewayServer.Create(host, engine, new MemoryAuditSink());
        await server.StartAsync(CancellationToken.None);
        return server;
    }

    /// <summary>Polls <c>/readyz</c> until its answer is <paramref name="status"/> with a body containing <paramref name="text"/>.</summary>
    private static async Task<string> AwaitReadinessAsync(HttpClient http, HttpStatusCode status, string text, CancellationToken token)
    {
        while (true)
        {
            using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative), token);
            var body = await ready.Content.ReadAsStringAsync(token);
            if (ready.StatusCode == status && body.Contains(text, StringComparison.Ordinal))
            {
                return body;
            }

            // Before that, only "still starting" (priming) or the L2 reason, never ready.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            await Task.Delay(50, token);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Readiness_waits_for_the_L2_model_to_load()
    {
        var token = TestContext.Current.CancellationToken;
        var load = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StartAsync(new LoadingScorer(load.Task));
        using var http = new HttpClient { BaseAddress = new Uri(server.Urls.Single().Replace("[::]", "127.0.0.1", StringComparison.Ordinal)) };

        await AwaitReadinessAsync(http, HttpStatusCode.ServiceUnavailable, "the L2 model (slow-loader/test-model) is still loading", token);
        load.SetResult();

        Assert.Equal("ready\n", await AwaitReadinessAsync(http, HttpStatusCode.OK, "ready", token));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_model_that_failed_to_load_keeps_the_gateway_not_ready_and_says_why()
    {
        var token = TestContext.Current.CancellationToken;
        await using var server = await StartAsync(new LoadingScorer(Task.FromException(new FileNotFoundException("model.onnx"))));
        using var http = new HttpClient { BaseAddress = new Uri(server.Urls.Single().Replace("[::]", "127.0.0.1", StringComparison.Ordinal)) };

        await AwaitReadinessAsync(http, HttpStatusCode.ServiceUnavailable, "failed to load (FileNotFoundException)", token);
    }
}
