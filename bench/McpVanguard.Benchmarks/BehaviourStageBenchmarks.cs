using BenchmarkDotNet.Attributes;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Behaviour;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Benchmarks;

/// <summary>
/// What L3 adds per call, in memory: the behaviour stage alone on an everyday <c>read_file</c> and on a 4 KB result, in a
/// session whose window is full (512 steps: the most a window keeps, so the worst steady state of a long session).
/// In process (no generated project to build): the stage allocates little and the GC settings of the shipped tool do
/// not matter at this size.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[MedianColumn]
public class BehaviourStageBenchmarks
{
    private BehaviourStage _stage = null!;
    private McpMessage _readFile = null!;
    private McpMessage _result = null!;
    private InspectionContext _readContext = null!;
    private InspectionContext _resultContext = null!;
    private readonly List<Finding> _findings = [];

    [GlobalSetup]
    public void Setup()
    {
        var settings = new BehaviourSettings();
        _stage = new BehaviourStage(new InMemoryBehaviourState(TimeProvider.System, settings.MaxKeys, settings.MaxEvents), settings);
        _readFile = Parse(Messages.ReadFile);
        _result = Parse(System.Text.Encoding.UTF8.GetBytes(
            """{"jsonrpc":"2.0","id":42,"result":{"content":[{"type":"text","text":"SIZE"}]}}""".Replace("SIZE", new string('a', 4096), StringComparison.Ordinal)));
        _readContext = Context(_readFile, Direction.AgentToServer);
        _resultContext = Context(_result, Direction.ServerToAgent) is var c ? new InspectionContext
        {
            Message = c.Message, Direction = c.Direction, SessionId = c.SessionId, ServerId = c.ServerId, Profile = c.Profile, Strings = c.Strings,
            RequestMethod = "tools/call", RequestTool = "read_file",
        } : null!;

        // Fill the session's window to its limit, so every measured call scans a full window.
        for (var i = 0; i < settings.MaxEvents; i++)
        {
            ReadFile();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _readFile.Dispose();
        _result.Dispose();
    }

    [Benchmark(Description = "L3 stage: tools/call read_file (full window)")]
    public int ReadFile()
    {
        _findings.Clear();
        var pending = _stage.InspectAsync(_readContext, _findings, CancellationToken.None);
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }

        return _findings.Count;
    }

    [Benchmark(Description = "L3 stage: 4 KB result")]
    public int Result()
    {
        _findings.Clear();
        var pending = _stage.InspectAsync(_resultContext, _findings, CancellationToken.None);
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }

        return _findings.Count;
    }

    private static McpMessage Parse(byte[] frame)
        => McpMessageParser.TryParse(frame, 64, out var message, out var violation) ? message! : throw new InvalidOperationException(violation!.Reason);

    private static InspectionContext Context(McpMessage message, Direction direction) => new()
    {
        Message = message,
        Direction = direction,
        SessionId = "bench",
        ServerId = "default",
        Profile = Profile.Balanced,
        Strings = ArgumentWalker.TryWalk(message.Params, new PreflightLimits(4 * 1024 * 1024, 64, 10_000), out var strings, out _) ? strings : ArgumentStrings.Empty,
    };
}
