using System.Diagnostics;
using System.Text;
using System.Text.Json;
using McpVanguard.Configuration;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Inspection.Semantic;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Semantic;
using McpVanguard.Tests;

namespace McpVanguard.Benchmarks;

/// <summary>
/// <c>-- semantic</c>: what L2 costs. (1) Clean traffic with the stage on vs off (median µs per message through the whole
/// pipeline; the stage's gate and, server→agent, its instruction pre-test). (2) Latency a scored message adds, p50/p99,
/// per provider kind against a local fake provider (the HTTP round trip, the SDK, the judge prompt and answer reading),
/// and for a cache hit.
/// </summary>
public static class SemanticCost
{
    private const int Batches = 21;

    public static async Task RunAsync()
    {
        var options = ConfigurationLoader.Load(new Dictionary<string, object> { ["audit.log"] = Path.Combine(Path.GetTempPath(), "vanguard-bench-audit.jsonl") }, new Dictionary<string, string>(), null, []);
        var off = InspectionEngine.Create(options, BenchEngine.Rules);
        var never = new CountingScorer();
        var on = InspectionEngine.Create(options, BenchEngine.Rules, stages: new SemanticStage(never, options.Semantic).BothDirections());

        Console.WriteLine("| clean message | L2 off µs | L2 on µs | scored |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, frame, direction) in new[]
        {
            ("read_file (agent→server)", Messages.ReadFile, Direction.AgentToServer),
            ("run_command (agent→server)", Messages.RunCommand, Direction.AgentToServer),
            ("write_file 100 KB (agent→server)", Messages.WriteFile100K, Direction.AgentToServer),
            ("tools/call result 4 KB (server→agent)", Messages.ServerResult, Direction.ServerToAgent),
        })
        {
            using var message = Parse(frame);
            var context = Context(message, direction, options.Limits);
            var perCall = frame.Length > 10_000 ? 20 : 2_000;
            var (offMicros, onMicros) = Medians(perCall, () => Pipeline(off, direction).Inspect(context), () => Pipeline(on, direction).Inspect(context));
            Console.WriteLine(FormattableString.Invariant($"| {name} | {offMicros:0.00} | {onMicros:0.00} | {never.Calls} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| scored message, local fake provider | p50 ms | p99 ms | n |");
        Console.WriteLine("|---|---:|---:|---:|");
        await using var provider = FakeChatProvider.Scoring(0.1, "benign", "ordinary text");
        foreach (var kind in new[] { "custom", "openai", "ollama" })
        {
            var environment = kind switch
            {
                "custom" => new Dictionary<string, string> { ["VANGUARD_SEMANTIC_CUSTOM_URL"] = provider.OpenAiBaseUrl, ["VANGUARD_SEMANTIC_CUSTOM_MODEL"] = "judge" },
                "openai" => new Dictionary<string, string> { ["VANGUARD_OPENAI_API_KEY"] = "sk-bench" },
                _ => new Dictionary<string, string> { ["VANGUARD_OLLAMA_URL"] = provider.BaseUrl },
            };
            var settings = ConfigurationLoader.Load(new Dictionary<string, object>(), environment, null, []).Semantic with { Always = ["read_file"] };
            var stage = new SemanticStage(SemanticScorerFactory.CreateRemote(settings, new Uri(provider.OpenAiBaseUrl)), settings);
            var (p50, p99, n) = await ScoredLatencyAsync(stage, options.Limits, distinct: true);
            Console.WriteLine(FormattableString.Invariant($"| {kind} ({(kind == "ollama" ? "OllamaSharp, /api/chat" : "OpenAI SDK, /v1/chat/completions")}; cache miss) | {p50:0.00} | {p99:0.00} | {n} |"));
            if (kind == "custom")
            {
                var (c50, c99, cn) = await ScoredLatencyAsync(stage, options.Limits, distinct: false);
                Console.WriteLine(FormattableString.Invariant($"| custom, cache hit | {c50:0.000} | {c99:0.000} | {cn} |"));
            }
        }
    }

    /// <summary>Per-message time the stage adds to a warned or always-scored call, over 300 calls after 30 warm-up calls.</summary>
    private static async Task<(double P50, double P99, int N)> ScoredLatencyAsync(SemanticStage stage, PreflightLimits limits, bool distinct)
    {
        var times = new List<double>();
        for (var i = 0; i < 330; i++)
        {
            var path = distinct ? $"docs/chapter-{i}.md" : "docs/chapter.md";
            using var message = Parse(Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_file","arguments":{"path":"PATH"}}}""".Replace("PATH", path, StringComparison.Ordinal)));
            var context = Context(message, Direction.AgentToServer, limits);
            var findings = new List<Finding>();
            var started = Stopwatch.GetTimestamp();
            await stage.InspectAsync(context, findings, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (findings.Count > 0)
            {
                throw new InvalidOperationException("the fake provider failed: " + findings[0].Reason);
            }

            if (i >= 30)
            {
                times.Add(elapsed);
            }
        }

        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.99)], times.Count);
    }

    private static InspectionPipeline Pipeline(InspectionEngine engine, Direction direction) => direction == Direction.AgentToServer ? engine.AgentToServer : engine.ServerToAgent;

    private static McpMessage Parse(byte[] frame)
        => McpMessageParser.TryParse(frame, 64, out var message, out var violation) ? message! : throw new InvalidOperationException(violation?.Reason);

    private static InspectionContext Context(McpMessage message, Direction direction, PreflightLimits limits)
    {
        ArgumentWalker.TryWalk(message.Params, limits, out var strings, out _);
        var payload = PayloadStrings.Empty;
        if (direction == Direction.ServerToAgent && message.Root.TryGetProperty("result", out var result))
        {
            PayloadWalker.TryWalk(result, "/result", limits, out payload, out _);
        }

        return new InspectionContext
        {
            Message = message,
            Direction = direction,
            SessionId = "bench",
            ServerId = "default",
            Profile = Profile.Balanced,
            Strings = strings,
            Payload = payload,
            RequestMethod = direction == Direction.ServerToAgent ? "tools/call" : null,
            RequestTool = direction == Direction.ServerToAgent ? "read_file" : null,
        };
    }

    /// <summary>
    /// Median µs per call of <paramref name="first"/> and <paramref name="second"/> over <see cref="Batches"/> batches of
    /// <paramref name="perCall"/> calls each, the two interleaved batch by batch so that the machine's load drifts over
    /// both alike, after a warm-up batch of each.
    /// </summary>
    private static (double First, double Second) Medians(int perCall, Action first, Action second)
    {
        for (var i = 0; i < perCall; i++)
        {
            first();
            second();
        }

        var a = new double[Batches];
        var b = new double[Batches];
        for (var batch = 0; batch < Batches; batch++)
        {
            a[batch] = Batch(perCall, first);
            b[batch] = Batch(perCall, second);
        }

        Array.Sort(a);
        Array.Sort(b);
        return (a[Batches / 2], b[Batches / 2]);
    }

    private static double Batch(int perCall, Action action)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < perCall; i++)
        {
            action();
        }

        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / perCall;
    }

    /// <summary>A scorer that counts calls and never flags: clean traffic must never reach it.</summary>
    private sealed class CountingScorer : ISemanticScorer
    {
        private int _calls;

        public int Calls => _calls;

        public string Provider => "counting";

        public string Model => "none";

        public ValueTask<SemanticScore> ScoreAsync(SemanticRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.FromResult(new SemanticScore(0, "benign", "counted"));
        }
    }
}
