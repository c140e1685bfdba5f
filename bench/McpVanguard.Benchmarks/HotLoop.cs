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
        if (name is "tools-list-first" or "tools-list-first-distinct" or "tools-list")
        {
            ToolsList(ServerToAgentBenchmarks.ToolsList(100, name.EndsWith("distinct", StringComparison.Ordinal)), seconds, firstSight: name != "tools-list", name);
            return;
        }

        if (name.StartsWith("tools-list-first-file:", StringComparison.Ordinal) || name.StartsWith("tools-list-file:", StringComparison.Ordinal))
        {
            // A tools/list answer saved from a real server (bench/save-tool-lists.py): first seen, or seen before.
            ToolsList(File.ReadAllBytes(name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..]), seconds, firstSight: name.StartsWith("tools-list-first", StringComparison.Ordinal), name);
            return;
        }

        var frame = name switch
        {
            "read_file" => Messages.ReadFile,
            "run_command" => Messages.RunCommand,
            "write_file" => Messages.WriteFile100K,
            "traversal" => Messages.TraversalBlocked,
            _ => throw new ArgumentException($"unknown message {name}: read_file, run_command, write_file, traversal, tools-list-first, tools-list-first-distinct, tools-list"),
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

    /// <summary>
    /// A 100-tool <c>tools/list</c> answer inspected by a new metadata inspector each time (the list as first seen; with
    /// <paramref name="distinct"/>, no text repeated between its tools) or by one inspector (the list seen before).
    /// </summary>
    private static void ToolsList(byte[] frame, double seconds, bool firstSight, string name)
    {
        var engine = BenchEngine.Create(Profile.Balanced);
        McpMessageParser.TryParse(frame, engine.Limits.MaxDepth, out var message, out _);
        using var owned = message!;
        McpVanguard.Inspection.Preflight.ArgumentWalker.TryWalk(owned.Params, engine.Limits, out var strings, out _);
        McpVanguard.Inspection.Preflight.PayloadWalker.TryWalk(owned.Root.GetProperty("result"), "/result", engine.Limits, out var payload, out _);
        var context = new McpVanguard.Inspection.InspectionContext
        {
            Message = owned,
            Direction = Direction.ServerToAgent,
            SessionId = "loop",
            ServerId = "default",
            Profile = Profile.Balanced,
            Strings = strings,
            Payload = payload,
            RequestMethod = "tools/list",
        };
        var findings = new List<McpVanguard.Inspection.Finding>();
        var seen = new McpVanguard.Inspection.Metadata.MetadataInspector();
        var clock = Stopwatch.StartNew();
        long n = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            findings.Clear();
            (firstSight ? new McpVanguard.Inspection.Metadata.MetadataInspector() : seen).Inspect(context, findings);
            n++;
        }

        Console.WriteLine(FormattableString.Invariant($"{name} (first sight {firstSight}): {n} lists in {clock.Elapsed.TotalSeconds:0.0} s, {clock.Elapsed.TotalMicroseconds / n:0.00} us/list"));
    }
}
