using System.Diagnostics;
using McpVanguard.Audit;
using McpVanguard.Configuration;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Instructions;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;
using McpVanguard.Relay;

namespace McpVanguard.Benchmarks;

/// <summary>
/// Where the managed heap and the process's memory go at start-up (<c>-- memory</c>, one fresh process): the live heap
/// after each phase (a full blocking collection first), the CPU time it took, and the regexes built.
/// </summary>
public static class MemoryProbe
{
    public static void Run(bool hold = false)
    {
        var process = Process.GetCurrentProcess();
        var lastCpu = process.TotalProcessorTime;
        var lastHeap = LiveHeap();
        void Phase(string name)
        {
            process.Refresh();
            var heap = LiveHeap();
            var cpu = process.TotalProcessorTime;
            Console.WriteLine(FormattableString.Invariant(
                $"{name,-44} live heap {heap / 1048576.0,7:0.0} MiB ({(heap - lastHeap) / 1048576.0,+6:+0.0;-0.0}) | RSS {process.WorkingSet64 / 1048576.0,6:0.0} MiB | cpu {(cpu - lastCpu).TotalMilliseconds,6:0} ms | regexes {RegexCache.Shared.Count} | JIT {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms"));
            lastHeap = heap;
            lastCpu = cpu;
        }

        Phase("runtime to Main");
        var cli = new Dictionary<string, object> { ["profile"] = "balanced", ["audit.log"] = Path.Combine(Path.GetTempPath(), "vanguard-bench-audit.jsonl") };
        var options = ConfigurationLoader.Load(cli, new Dictionary<string, string>(), null, []);
        Phase("configuration");
        var rules = RuleLoader.Load(null);
        Phase($"rules ({rules.Count})");
        var engine = InspectionEngine.Create(options, rules);
        Phase("engine create");
        if (Environment.GetEnvironmentVariable("PROBE_LEXICON_FIRST") == "1")
        {
            _ = InjectionLexicon.Default;
            Phase("injection lexicon alone");
        }

        var session = new RelaySession("probe", "default", 64, TimeSpan.FromMinutes(5));
        var sink = new DiscardingSink();
        var relay = new McpRelay(engine, session, sink, sink, NullAuditSink.Instance);
        _ = relay.FromAgentAsync(Messages.Utf8("""{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"probe","version":"1"}}}"""), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        Phase("first initialize");
        _ = relay.FromAgentAsync(Messages.RunCommand, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        Phase("first run_command");
        _ = relay.FromAgentAsync(Messages.ReadFile, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        Phase("first read_file");
        if (Environment.GetEnvironmentVariable("PROBE_STATIC_REGEXES") == "1")
        {
            // The analysers that hold eagerly built static regexes, each initialised alone: what its type costs.
            foreach (var name in new[] { "Instructions.MarkdownExfiltration", "Metadata.ToolPurpose", "Metadata.SideChannelParameters", "Metadata.MetadataInspector", "Instructions.InjectionPhrases", "Instructions.InstructionAnalyzer" })
            {
                var type = typeof(InspectionEngine).Assembly.GetType("McpVanguard.Inspection." + name, throwOnError: true)!;
                System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(type.TypeHandle);
                Phase("static " + name);
            }
        }

        engine.BeginPriming();
        engine.Primed.GetAwaiter().GetResult();
        Phase("priming");
        _ = relay.FromAgentAsync(Messages.WriteFile100K, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        Phase("100 KB write_file");
        _ = relay.FromServerAsync(Messages.ServerResult, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        Phase("4 KB server result");
        // Each regex the run built, rebuilt alone and kept: what one costs to build, and what matching ordinary text adds.
        var built = (List<LazyRegex>)typeof(RegexCache).GetField("_built", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(RegexCache.Shared)!;
        var kept = new List<System.Text.RegularExpressions.Regex>();
        var prose = string.Concat(Enumerable.Repeat("Read the complete contents of a file from the file system as text; the system prompt and tools are listed below. ", 20));
        foreach (var entry in built.ToArray())
        {
            var before = LiveHeap();
            var cpu = process.TotalProcessorTime;
            var regex = new System.Text.RegularExpressions.Regex(entry.Source, entry.Options);
            kept.Add(regex);
            process.Refresh();
            var cost = (process.TotalProcessorTime - cpu).TotalMilliseconds;
            var constructed = LiveHeap();
            _ = regex.IsMatch(prose);
            var matched = LiveHeap();
            Console.WriteLine(FormattableString.Invariant($"  regex built {(constructed - before) / 1048576.0,5:0.00} MiB +matching {(matched - constructed) / 1048576.0,5:0.00} MiB {cost,4:0} ms cpu  {(entry.Source.Length > 90 ? entry.Source[..90] + "…" : entry.Source)}"));
        }

        GC.KeepAlive(kept);
        kept.Clear();
        foreach (var entry in built)
        {
            entry.Built = null;
        }

        built.Clear();
        Phase("after letting every built regex go");
        var info = GC.GetGCMemoryInfo();
        if (hold)
        {
            // Time to take a heap snapshot: dotnet-gcdump collect -p PID
            Console.WriteLine($"holding 40 s for a heap snapshot: pid {Environment.ProcessId}");
            Thread.Sleep(TimeSpan.FromSeconds(40));
        }

        var generations = string.Join(", ", new[] { "gen0", "gen1", "gen2", "LOH", "POH" }.Select((name, i) => FormattableString.Invariant($"{name} {info.GenerationInfo[i].SizeAfterBytes / 1048576.0:0.0}")));
        Console.WriteLine($"GC generations after the last collection (MiB): {generations}");
        Console.WriteLine(FormattableString.Invariant(
            $"GC: server {System.Runtime.GCSettings.IsServerGC}, concurrent {AppContext.TryGetSwitch("System.GC.Concurrent", out var c) && c}, heap size {info.HeapSizeBytes / 1048576.0:0.0} MiB, committed {info.TotalCommittedBytes / 1048576.0:0.0} MiB, fragmented {info.FragmentedBytes / 1048576.0:0.0} MiB"));
    }

    private static long LiveHeap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(false);
    }
}
