using BenchmarkDotNet.Attributes;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Behaviour;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Replay;

namespace McpVanguard.Benchmarks;

/// <summary>
/// The L3 stage at the pace: one call a millisecond, so the session's window is full (512 steps) and all of it
/// inside the loop window. <c>echo "hello N"</c> (every call different: the loop detector counts and finds nothing) and
/// one <c>read_file</c> repeated (BEH-008 warns on every call from the 15th: the warn path of <c>bench latency --e2e
/// --mix repeated</c>).
/// </summary>
[MemoryDiagnoser]
[InProcess]
[MedianColumn]
public class BehaviourLoopBenchmarks
{
    private const int Messages = 1024;

    private readonly ReplayClock _clock = new();
    private readonly List<Finding> _findings = [];
    private BehaviourStage _stage = null!;
    private McpMessage[] _echoes = null!;
    private InspectionContext[] _echoContexts = null!;
    private McpMessage _read = null!;
    private InspectionContext _readContext = null!;
    private long _now;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var settings = new BehaviourSettings();
        _stage = new BehaviourStage(new InMemoryBehaviourState(_clock, settings.MaxKeys, settings.MaxEvents), settings);
        _echoes = new McpMessage[Messages];
        _echoContexts = new InspectionContext[Messages];
        for (var i = 0; i < Messages; i++)
        {
            _echoes[i] = Parse("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":\"hello " + i + "\"}}}");
            _echoContexts[i] = Context(_echoes[i]);
        }

        _read = Parse("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"read_file","arguments":{"path":"README.md"}}}""");
        _readContext = Context(_read);
        for (var i = 0; i < Messages; i++)
        {
            Echo();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var m in _echoes)
        {
            m.Dispose();
        }

        _read.Dispose();
    }

    [Benchmark(Description = "L3 stage: echo \"hello N\", one call a ms (window full, no finding)")]
    public int Echo()
    {
        _clock.MoveTo(++_now);
        _next = (_next + 1) % Messages;
        _findings.Clear();
        Run(_echoContexts[_next]);
        return _findings.Count == 0 ? 0 : throw new InvalidOperationException(_findings[0].Reason);
    }

    [Benchmark(Description = "L3 stage: the same read_file, one call a ms (BEH-008 warns)")]
    public int Repeated()
    {
        _clock.MoveTo(++_now);
        _findings.Clear();
        Run(_readContext);
        return _findings.Count;
    }

    private void Run(InspectionContext context)
    {
        var pending = _stage.InspectAsync(context, _findings, CancellationToken.None);
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }
    }

    private static McpMessage Parse(string frame)
        => McpMessageParser.TryParse(System.Text.Encoding.UTF8.GetBytes(frame), 64, out var message, out var violation) ? message! : throw new InvalidOperationException(violation!.Reason);

    private static InspectionContext Context(McpMessage message) => new()
    {
        Message = message,
        Direction = Direction.AgentToServer,
        SessionId = "bench",
        ServerId = "default",
        Profile = Profile.Balanced,
        Strings = ArgumentWalker.TryWalk(message.Params, new PreflightLimits(4 * 1024 * 1024, 64, 10_000), out var strings, out _) ? strings : ArgumentStrings.Empty,
    };
}
