using System.Diagnostics;
using McpVanguard.Audit;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Relay;

namespace McpVanguard.Benchmarks;

/// <summary>
/// <c>-- loop NAME SECONDS</c>: feeds one typical message to the relay in a tight loop, for a sampling profiler
/// (<c>DOTNET_PerfMapEnabled=1 perf record -g</c>) to attribute the time.
/// </summary>
public static class HotLoop
{
    public static void Run(string name, double seconds)
    {
        var frame = name switch
        {
            "read_file" => Messages.ReadFile,
            "run_command" => Messages.RunCommand,
            "write_file" => Messages.WriteFile100K,
            "traversal" => Messages.TraversalBlocked,
            _ => throw new ArgumentException($"unknown message {name}: read_file, run_command, write_file, traversal"),
        };
        var session = new RelaySession("loop", "default", 64, TimeSpan.FromMinutes(5));
        var relay = new McpRelay(BenchEngine.Create(Profile.Balanced), session, new DiscardingSink(), new DiscardingSink(), NullAuditSink.Instance);
        var id = JsonRpcId.FromNumber(Messages.RequestId);
        var clock = Stopwatch.StartNew();
        long n = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            _ = relay.FromAgentAsync(frame, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            session.AgentRequests.TryRemove(id, out _);
            n++;
        }

        Console.WriteLine(FormattableString.Invariant($"{name}: {n} messages in {clock.Elapsed.TotalSeconds:0.0} s, {clock.Elapsed.TotalMicroseconds / n:0.00} us/message"));
    }
}
