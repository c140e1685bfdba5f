using McpVanguard.Configuration;
using McpVanguard.Inspection.Access;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Inspection.Exfiltration;
using McpVanguard.Inspection.Instructions;
using McpVanguard.Inspection.Metadata;
using McpVanguard.Inspection.Output;
using McpVanguard.Inspection.Secrets;
using McpVanguard.Inspection.ServerRequests;
using McpVanguard.Inspection.Network;
using McpVanguard.Inspection.Paths;
using McpVanguard.Inspection.Rules;
using McpVanguard.Inspection.Shell;
using McpVanguard.Policy;

namespace McpVanguard.Inspection;

/// <summary>The inspection pipelines for both directions and the preflight limits; shared by every session.</summary>
public sealed class InspectionEngine(PreflightLimits limits, InspectionPipeline agentToServer, InspectionPipeline serverToAgent, ToolDirectory? tools = null)
{
    public PreflightLimits Limits { get; } = limits;

    public InspectionPipeline AgentToServer { get; } = agentToServer;

    public InspectionPipeline ServerToAgent { get; } = serverToAgent;

    /// <summary>Forgets what servers said process-wide (the tool names behind COLL-001): replay calls it between cases.</summary>
    public void ForgetServers() => tools?.Clear();

    private int _primeBegun;
    private readonly TaskCompletionSource _primed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes once <see cref="BeginPriming"/> has run everyday messages through both pipelines, so that the code of the
    /// common paths is compiled: the gateway reports ready (<c>/readyz</c>) only then. Nothing on the message path waits
    /// for it: regexes are built on first need through the bounded cache, and the budget leaves JIT and construction out.
    /// </summary>
    public Task Primed => _primed.Task;

    /// <summary>Starts priming on a background thread (once; later calls do nothing).</summary>
    /// <param name="delay">How long the thread waits before it primes (<see cref="PrimingDelay"/>); none by default.</param>
    public void BeginPriming(TimeSpan delay = default)
        => StartOnce(ref _primeBegun, "vanguard engine priming", ThreadPriority.BelowNormal, () =>
        {
            try
            {
                if (delay > TimeSpan.Zero)
                {
                    Thread.Sleep(delay);
                }

                EnginePrimer.Run(this);
            }
            finally
            {
                // A failure here fails no message (each inspection fails closed on its own); readiness must not hang.
                _primed.TrySetResult();
            }

            ReleaseStartUpGarbage();
        });

    /// <summary>
    /// When a process with no JIT (Native AOT) should prime: once a session's handshake and first calls are past. Priming
    /// then compiles nothing; it only builds the lazy tables of paths the first messages may never take, and on a 2-core
    /// machine its ~100 ms of CPU during the handshake was taken from the server child's start-up and the first answer
    /// (docs/BENCHMARKS.md, first9). Each message still builds what it needs on first use.
    /// </summary>
    public static TimeSpan PrimingDelay { get; } = TimeSpan.FromSeconds(3);

    /// <summary>True when the code runs without a JIT (Native AOT): priming has no code to compile, only tables to build.</summary>
    public static bool IsPrecompiled => !System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled;

    /// <summary>How long after priming the start-up garbage is released: past a session's handshake, which priming overlaps.</summary>
    private static readonly TimeSpan SettleDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Start-up leaves garbage the GC has no reason to collect while the proxy idles (the rules' YAML trees, the tries the
    /// automata were packed from, priming's messages) and keeps the memory it committed for them: one compacting
    /// collection that returns free memory to the system, once, shortly after priming, lowers a waiting proxy's resident
    /// memory (docs/BENCHMARKS.md). It is one pause of a few milliseconds at most, off the handshake.
    /// </summary>
    private static void ReleaseStartUpGarbage()
    {
        Thread.Sleep(SettleDelay);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static int s_tablesBegun;

    /// <summary>
    /// Starts building the analysers' process-wide tables on a background thread (once per process; later calls do
    /// nothing): call it before loading the rules so the two overlap. Nothing waits for it; a message that needs a table
    /// first waits only for that table (it is built once, under its own lock).
    /// </summary>
    public static void BeginBuildingTables()
        => StartOnce(ref s_tablesBegun, "vanguard table build", ThreadPriority.Normal, EnginePrimer.BuildTables);

    /// <summary>
    /// Runs <paramref name="work"/> once on a background thread. Nothing is lost if it throws: tables are built again on
    /// first use and a failure there fails its message closed, so an exception here must not end the process.
    /// </summary>
    private static void StartOnce(ref int begun, string name, ThreadPriority priority, Action work)
    {
        if (Interlocked.Exchange(ref begun, 1) == 1)
        {
            return;
        }

        new Thread(() =>
        {
            try
            {
                work();
            }
            catch (Exception)
            {
                // Warm-up only: the work is done again where it is needed.
            }
        })
        {
            IsBackground = true,
            Name = name,
            Priority = priority,
        }.Start();
    }

    /// <summary>Builds the standard pipelines for <paramref name="options"/>: L0 evasion, then the L1 rules and analysers.</summary>
    /// <param name="access">The gateway's <c>access:</c> policy; null allows every caller everything.</param>
    /// <param name="pins">The tool pin store; when given, <c>tools/list</c> results are compared with it (rug pulls).</param>
    /// <param name="stages">The L2/L3 stages of each direction; none when null.</param>
    public static InspectionEngine Create(VanguardOptions options, IReadOnlyList<Rule> rules, AccessPolicy? access = null, Integrity.PinStore? pins = null, InspectionStages? stages = null)
    {
        stages ??= InspectionStages.None;
        IInspector[] accessControl = access is null ? [] : [new ToolAccessInspector(access)];
        var composer = new PolicyComposer(options.Profile);
        var tools = new ToolDirectory();
        var findingPolicy = new FindingPolicy(rules, options.Profile);
        IInspector[] agentToServer =
        [
            new EvasionInspector(),
            .. accessControl,
            new RuleInspector(rules, options.Profile),
            new SecretArgumentInspector(),
            new InjectionArgumentInspector(),
            new ShellCommandInspector(),
            new SsrfInspector(),
            new Sql.SqlInspector(),
            new PathInspector(),
            new SensitiveEgressInspector(),

            // Relative paths are resolved against vanguard's working directory, which the server inherits.
            new SafeZoneInspector(options.SafeZones, Environment.CurrentDirectory),
            new QuarantineInspector(pins),
            new RootsInspector(),
        ];

        // Server→agent: what the server says about itself, what it answers, and what it asks of the client.
        IInspector[] serverToAgent =
        [
            new MetadataInspector(tools),
            new OutputInspector(),
            new SecretInspector(),
            new ServerRequestInspector(),
        ];
        return new InspectionEngine(
            options.Limits,
            new InspectionPipeline(agentToServer, composer, options.InspectorBudget, findingPolicy, stages.AgentToServer),
            new InspectionPipeline([.. accessControl, .. (IInspector[])(pins is null ? [] : [new Integrity.ToolPinInspector(pins)]), .. serverToAgent], composer, options.InspectorBudget, findingPolicy, stages.ServerToAgent),
            tools);
    }
}
