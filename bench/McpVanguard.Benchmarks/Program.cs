using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/McpVanguard.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/McpVanguard.Benchmarks -- startup   (cold start-up phases, one fresh process)
if (args is ["startup"])
{
    McpVanguard.Benchmarks.StartupProbe.Run();
    return;
}

// dotnet bench/.../McpVanguard.Benchmarks.dll memory   (live heap, RSS and CPU per start-up phase, one fresh process)
if (args is ["memory"] or ["memory", "hold"])
{
    McpVanguard.Benchmarks.MemoryProbe.Run(hold: args.Length == 2);
    return;
}

// dotnet bench/.../McpVanguard.Benchmarks.dll lexicon   (CPU of the injection lexicon over 100 KB of source text)
if (args is ["lexicon"])
{
    McpVanguard.Benchmarks.LexiconProbe.Run();
    return;
}

// dotnet bench/.../McpVanguard.Benchmarks.dll passes   (each per-character pass over a long text alone: lexicon start scan, prefilter and gates)
if (args is ["passes"])
{
    McpVanguard.Benchmarks.ScanPasses.Run();
    return;
}

// dotnet bench/.../McpVanguard.Benchmarks.dll rule-load   (construction cost of each rule's regex)
if (args is ["rule-load"])
{
    McpVanguard.Benchmarks.RuleLoadCosts.Run();
    return;
}

// dotnet bench/.../McpVanguard.Benchmarks.dll breakdown   (time and allocation per stage and per inspector)
// dotnet bench/.../McpVanguard.Benchmarks.dll breakdown read_file   (one message only, without the rule prototypes)
if (args is ["breakdown"] or ["breakdown", _])
{
    McpVanguard.Benchmarks.InspectorBreakdown.Run(args.Length == 2 ? args[1] : null);
    return;
}

// dotnet bench/.../McpVanguard.Benchmarks.dll breakdown-s2a   (the same for the server→agent pipeline: a 100-tool tools/list, a 4 KB result)
// dotnet bench/.../McpVanguard.Benchmarks.dll breakdown-s2a FILE…   (tools/list answers saved by bench/save-tool-lists.py instead)
if (args is ["breakdown-s2a", ..])
{
    McpVanguard.Benchmarks.ServerToAgentBreakdown.Run(args[1..]);
    return;
}

// dotnet bench/.../McpVanguard.Benchmarks.dll telemetry   (relay step with telemetry off and on, alternating; the unobserved guard)
if (args is ["telemetry"])
{
    McpVanguard.Benchmarks.TelemetryCost.Run();
    return;
}

// dotnet bench/.../McpVanguard.Benchmarks.dll relay-step   (relay step medians, to compare two builds process by process)
if (args is ["relay-step"])
{
    McpVanguard.Benchmarks.RelayStepCost.Run();
    return;
}

// dotnet bench/.../McpVanguard.Benchmarks.dll relay-loop [same]   (the two stdio pumps over pipes with L3 and audit: bytes and CPU per call)
if (args is ["relay-loop"] or ["relay-loop", "same"])
{
    McpVanguard.Benchmarks.RelayLoopCost.Run(sameCall: args.Length == 2);
    return;
}

// dotnet bench/.../McpVanguard.Benchmarks.dll semantic   (L2: clean traffic with the stage on and off, scored-message latency per provider)
if (args is ["semantic"])
{
    await McpVanguard.Benchmarks.SemanticCost.RunAsync();
    return;
}

// dotnet bench/.../McpVanguard.Benchmarks.dll audit   (the audit hash chain and signed checkpoints: writer cost per record)
if (args is ["audit"])
{
    await McpVanguard.Benchmarks.AuditCost.RunAsync();
    return;
}

// dotnet bench/.../McpVanguard.Benchmarks.dll behaviour-state [redis://127.0.0.1:6379/0]   (L3 per call: windows in memory vs on Redis)
if (args is ["behaviour-state", ..] && args.Length <= 2)
{
    await McpVanguard.Benchmarks.BehaviourStateLatency.RunAsync(args.Length == 2 ? args[1] : null);
    return;
}

// dotnet bench/.../McpVanguard.Benchmarks.dll shared-pins [redis://127.0.0.1:6379/0]   (a tools/list comparison with pins local vs shared on Redis)
if (args is ["shared-pins", ..] && args.Length <= 2)
{
    await McpVanguard.Benchmarks.SharedPinsCost.RunAsync(args.Length == 2 ? args[1] : null);
    return;
}

// dotnet bench/.../McpVanguard.Benchmarks.dll loop run_command 10   (a hot loop for perf record)
if (args is ["loop", var name, var seconds])
{
    McpVanguard.Benchmarks.HotLoop.Run(name, double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
