using BenchmarkDotNet.Attributes;
using McpVanguard.Audit;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Sessions;

namespace McpVanguard.Benchmarks;

/// <summary>
/// One message through the real <see cref="McpRelay"/> (parse, preflight walk and canonicalisation, the balanced
/// pipeline, policy, pending table, forward or error reply) with in-memory sinks that copy nothing.
/// </summary>
[MemoryDiagnoser]
[VanguardJob]
[MedianColumn]
public class RelayBenchmarks
{
    private static readonly JsonRpcId Id = JsonRpcId.FromNumber(Messages.RequestId);

    private readonly DiscardingSink _agent = new();
    private readonly DiscardingSink _server = new();
    private RelaySession _session = null!;
    private McpRelay _relay = null!;
    private RelaySession _zonedSession = null!;
    private McpRelay _zonedRelay = null!;

    [GlobalSetup]
    public void Setup()
    {
        _session = new RelaySession("bench", "default", 64, TimeSpan.FromMinutes(5));
        _relay = new McpRelay(BenchEngine.Create(Profile.Balanced), _session, _agent, _server, NullAuditSink.Instance);

        // The same with a path jail: relative paths resolve against the working directory, symbolic links are resolved.
        _zonedSession = new RelaySession("bench-zoned", "default", 64, TimeSpan.FromMinutes(5));
        _zonedRelay = new McpRelay(BenchEngine.Create(Profile.Balanced, [Environment.CurrentDirectory]), _zonedSession, _agent, _server, NullAuditSink.Instance);

        // Sanity: the everyday calls are forwarded and the traversal is refused, or the figures mean nothing.
        Expect(nameof(ReadFile), ReadFile(), forwarded: true);
        Expect(nameof(RunCommand), RunCommand(), forwarded: true);
        Expect(nameof(WriteFile100K), WriteFile100K(), forwarded: true);
        Expect(nameof(TraversalBlocked), TraversalBlocked(), forwarded: false);
        Expect(nameof(ServerResult), ServerResult(), forwarded: true);
        Expect(nameof(ReadFileSafeZone), ReadFileSafeZone(), forwarded: true);
    }

    [Benchmark(Description = "relay: tools/call read_file (path)")]
    public StepOutcome ReadFile() => Request(Messages.ReadFile);

    [Benchmark(Description = "relay: read_file (path), safe zone set")]
    public StepOutcome ReadFileSafeZone()
    {
        var outcome = Completed(_zonedRelay.FromAgentAsync(Messages.ReadFile, CancellationToken.None));
        _zonedSession.AgentRequests.TryRemove(Id, out _);
        return outcome;
    }

    [Benchmark(Description = "relay: tools/call run_command (shell)")]
    public StepOutcome RunCommand() => Request(Messages.RunCommand);

    [Benchmark(Description = "relay: tools/call write_file 100 KB")]
    public StepOutcome WriteFile100K() => Request(Messages.WriteFile100K);

    [Benchmark(Description = "relay: read_file ../../etc/passwd (blocked)")]
    public StepOutcome TraversalBlocked() => Request(Messages.TraversalBlocked);

    [Benchmark(Description = "relay: server->agent result 4 KB")]
    public StepOutcome ServerResult()
    {
        // The request it answers is in flight, as it would be after a forwarded tools/call.
        _session.AgentRequests.TryAdd(new PendingRequest(Id, "tools/call", "read_file", "default", 0));
        return Completed(_relay.FromServerAsync(Messages.ServerResult, CancellationToken.None));
    }

    private StepOutcome Request(byte[] frame)
    {
        var outcome = Completed(_relay.FromAgentAsync(frame, CancellationToken.None));

        // Stand-in for the server's answer: take the request out of the pending table again.
        _session.AgentRequests.TryRemove(Id, out _);
        return outcome;
    }

    /// <summary>The sinks complete synchronously, so the relay does too; anything else would be a benchmark bug.</summary>
    private static StepOutcome Completed(ValueTask<StepOutcome> pending)
        => pending.IsCompleted ? pending.Result : throw new InvalidOperationException("The relay did not complete synchronously.");

    private static void Expect(string name, StepOutcome outcome, bool forwarded)
    {
        if (outcome.Forwarded != forwarded)
        {
            Console.WriteLine($"// WARNING {name}: expected forwarded={forwarded}, got {outcome.Verdict.Label} [{string.Join(", ", outcome.Verdict.RuleIds)}]");
        }
        else
        {
            Console.WriteLine($"// {name}: {outcome.Verdict.Label} [{string.Join(", ", outcome.Verdict.RuleIds)}]");
        }
    }
}
