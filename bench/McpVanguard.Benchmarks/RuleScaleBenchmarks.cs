using BenchmarkDotNet.Attributes;
using McpVanguard.Audit;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Sessions;

namespace McpVanguard.Benchmarks;

/// <summary>
/// The same relay steps with the built-in rules and with about 2,000 rules (the built-in ones plus generated signatures):
/// with one compiled rule set the figures should barely move.
/// </summary>
[MemoryDiagnoser]
[VanguardJob]
[MedianColumn]
public class RuleScaleBenchmarks
{
    private static readonly JsonRpcId Id = JsonRpcId.FromNumber(Messages.RequestId);

    private readonly DiscardingSink _agent = new();
    private readonly DiscardingSink _server = new();
    private RelaySession _session = null!;
    private McpRelay _relay = null!;

    /// <summary>How many generated signatures are added to the built-in ones.</summary>
    [Params(0, 1850)]
    public int Generated { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rules = Generated == 0 ? BenchEngine.Rules : RuleLoader.Load(GeneratedRules.Write(Generated));
        Console.WriteLine($"// rules loaded: {rules.Count(r => r.Pattern is not null)} signatures");
        _session = new RelaySession("bench", "default", 64, TimeSpan.FromMinutes(5));
        _relay = new McpRelay(BenchEngine.Create(Profile.Balanced, rules: rules), _session, _agent, _server, NullAuditSink.Instance);
    }

    [Benchmark(Description = "relay: tools/call read_file (path)")]
    public StepOutcome ReadFile() => Request(Messages.ReadFile);

    [Benchmark(Description = "relay: tools/call run_command (shell)")]
    public StepOutcome RunCommand() => Request(Messages.RunCommand);

    [Benchmark(Description = "relay: tools/call write_file 100 KB")]
    public StepOutcome WriteFile100K() => Request(Messages.WriteFile100K);

    private StepOutcome Request(byte[] frame)
    {
        var pending = _relay.FromAgentAsync(frame, CancellationToken.None);
        var outcome = pending.IsCompleted ? pending.Result : throw new InvalidOperationException("The relay did not complete synchronously.");
        _session.AgentRequests.TryRemove(Id, out _);
        return outcome.Forwarded ? outcome : throw new InvalidOperationException($"Expected the call to be forwarded: {string.Join(", ", outcome.Verdict.RuleIds)}");
    }
}
