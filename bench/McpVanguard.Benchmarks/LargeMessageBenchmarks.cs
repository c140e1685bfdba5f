using BenchmarkDotNet.Attributes;
using McpVanguard.Audit;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Relay;

namespace McpVanguard.Benchmarks;

/// <summary>
/// The 100 KB write_file under vanguard's GC settings and under the runtime defaults: its strings (200 KB each in
/// UTF-16) land on the large object heap by default, and that heap's allocations drive gen2 collections.
/// </summary>
[MemoryDiagnoser]
[GcComparisonJobs]
[MedianColumn]
public class LargeMessageBenchmarks
{
    private static readonly JsonRpcId Id = JsonRpcId.FromNumber(Messages.RequestId);

    private RelaySession _session = null!;
    private McpRelay _relay = null!;
    private McpMessage _writeFile = null!;
    private PreflightLimits _limits = null!;

    [GlobalSetup]
    public void Setup()
    {
        var engine = BenchEngine.Create(Profile.Balanced);
        _limits = engine.Limits;
        _session = new RelaySession("bench", "default", 64, TimeSpan.FromMinutes(5));
        _relay = new McpRelay(engine, _session, new DiscardingSink(), new DiscardingSink(), NullAuditSink.Instance);
        if (!McpMessageParser.TryParse(Messages.WriteFile100K, _limits.MaxDepth, out var message, out var violation))
        {
            throw new InvalidOperationException(violation!.Reason);
        }

        _writeFile = message!;
        Console.WriteLine($"// GC LOHThreshold in effect: {GC.GetConfigurationVariables().GetValueOrDefault("LOHThreshold")}");
    }

    [GlobalCleanup]
    public void Cleanup() => _writeFile.Dispose();

    [Benchmark(Description = "relay: tools/call write_file 100 KB")]
    public StepOutcome Relay_WriteFile100K()
    {
        var pending = _relay.FromAgentAsync(Messages.WriteFile100K, CancellationToken.None);
        var outcome = pending.IsCompleted ? pending.Result : throw new InvalidOperationException("The relay did not complete synchronously.");
        _session.AgentRequests.TryRemove(Id, out _);
        return outcome;
    }

    [Benchmark(Description = "canonicalise: write_file 100 KB")]
    public ArgumentStrings Canonicalize_WriteFile100K()
        => ArgumentWalker.TryWalk(_writeFile.Params, _limits, out var strings, out _) ? strings : ArgumentStrings.Empty;
}
