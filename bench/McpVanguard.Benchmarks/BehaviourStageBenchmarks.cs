using BenchmarkDotNet.Attributes;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Behaviour;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Replay;

namespace McpVanguard.Benchmarks;

/// <summary>
/// What L3 adds per call of clean traffic, in memory: the behaviour stage alone on everyday <c>read_file</c> calls (512
/// distinct files in 50 folders, taken in turn) and on 4 KB results, in a session making one call every 2 s, so that
/// the windows hold ~300 steps (the egress window) and no pattern completes. In process (no generated project to
/// build): the stage allocates little and the GC settings of the shipped tool do not matter at this size.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[MedianColumn]
public class BehaviourStageBenchmarks
{
    private const int Files = 512;
    private const long StepMs = 2000;

    private readonly ReplayClock _clock = new();
    private readonly List<Finding> _findings = [];
    private BehaviourStage _stage = null!;
    private McpMessage[] _reads = null!;
    private InspectionContext[] _readContexts = null!;
    private McpMessage _result = null!;
    private InspectionContext _resultContext = null!;
    private long _now;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var settings = new BehaviourSettings();
        _stage = new BehaviourStage(new InMemoryBehaviourState(_clock, settings.MaxKeys, settings.MaxEvents), settings);
        _reads = new McpMessage[Files];
        _readContexts = new InspectionContext[Files];
        for (var i = 0; i < Files; i++)
        {
            // Names without digits: a project's files, not a numbered series.
            var name = $"{(char)('a' + (i % 26))}{(char)('a' + (i / 26 % 26))}file";
            var folder = $"module{(char)('a' + (i % 50 % 26))}{(char)('a' + (i % 50 / 26))}";
            _reads[i] = Parse(System.Text.Encoding.UTF8.GetBytes(
                "{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"tools/call\",\"params\":{\"name\":\"read_file\",\"arguments\":{\"path\":\"src/" + folder + "/" + name + ".cs\"}}}"));
            _readContexts[i] = Context(_reads[i], Direction.AgentToServer, null);
        }

        _result = Parse(System.Text.Encoding.UTF8.GetBytes(
            """{"jsonrpc":"2.0","id":42,"result":{"content":[{"type":"text","text":"SIZE"}]}}""".Replace("SIZE", new string('a', 4096), StringComparison.Ordinal)));
        _resultContext = Context(_result, Direction.ServerToAgent, "tools/call");

        // Warm the session up to its steady state before measuring.
        for (var i = 0; i < 2 * Files; i++)
        {
            ReadFile();
            Result();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var m in _reads)
        {
            m.Dispose();
        }

        _result.Dispose();
    }

    [Benchmark(Description = "L3 stage: tools/call read_file (clean session, ~300 steps in window)")]
    public int ReadFile()
    {
        _clock.MoveTo(_now += StepMs);
        _next = (_next + 1) % Files;
        return Run(_readContexts[_next]);
    }

    [Benchmark(Description = "L3 stage: 4 KB result (clean session)")]
    public int Result()
    {
        _clock.MoveTo(_now += StepMs);
        return Run(_resultContext);
    }

    private int Run(InspectionContext context)
    {
        _findings.Clear();
        var pending = _stage.InspectAsync(context, _findings, CancellationToken.None);
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }

        // Clean traffic: a finding here would mean the benchmark measures an attack path.
        return _findings.Count == 0 ? 0 : throw new InvalidOperationException(_findings[0].Reason);
    }

    private static McpMessage Parse(byte[] frame)
        => McpMessageParser.TryParse(frame, 64, out var message, out var violation) ? message! : throw new InvalidOperationException(violation!.Reason);

    private static InspectionContext Context(McpMessage message, Direction direction, string? requestMethod) => new()
    {
        Message = message,
        Direction = direction,
        SessionId = "bench",
        ServerId = "default",
        Profile = Profile.Balanced,
        Strings = ArgumentWalker.TryWalk(message.Params, new PreflightLimits(4 * 1024 * 1024, 64, 10_000), out var strings, out _) ? strings : ArgumentStrings.Empty,
        RequestMethod = requestMethod,
        RequestTool = requestMethod is null ? null : "read_file",
    };
}
