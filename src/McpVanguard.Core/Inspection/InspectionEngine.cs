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
public sealed class InspectionEngine(PreflightLimits limits, InspectionPipeline agentToServer, InspectionPipeline serverToAgent)
{
    public PreflightLimits Limits { get; } = limits;

    public InspectionPipeline AgentToServer { get; } = agentToServer;

    public InspectionPipeline ServerToAgent { get; } = serverToAgent;

    private TaskCompletionSource? _warm;
    private TaskCompletionSource? _serverWarm;
    private int _warmUpBegun;

    /// <summary>True when an agent→server message with <paramref name="method"/> reaches at least one rule, so it must wait for <see cref="Ready"/>.</summary>
    public bool NeedsRules(string? method)
        => method is not null && AgentToServer.Inspectors.OfType<RuleInspector>().Any(r => r.HasRulesFor(method));

    /// <summary>Completes when every rule regex is built (at once unless <see cref="DeferWarmUp"/> was called).</summary>
    public Task Ready => _warm?.Task ?? Task.CompletedTask;

    /// <summary>
    /// Completes when the server→agent detectors are built: the first part of the warm-up, so that the server's first
    /// answer (initialize) waits for them but not for the agent→server rules.
    /// </summary>
    public Task ServerToAgentReady => _serverWarm?.Task ?? Task.CompletedTask;

    /// <summary>
    /// Postpones building the rule regexes until <see cref="BeginWarmUp"/>, so that the MCP handshake is not slowed by
    /// them; until then <see cref="Ready"/> is pending and messages that need rules wait for it.
    /// </summary>
    public void DeferWarmUp()
    {
        _warm = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _serverWarm = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Starts the deferred warm-up on the thread pool (once; later calls do nothing).</summary>
    public void BeginWarmUp()
    {
        if (_warm is not { } warm || _serverWarm is not { } serverWarm || Interlocked.Exchange(ref _warmUpBegun, 1) == 1)
        {
            return;
        }

        // A thread of its own, not the thread pool: seconds of CPU-bound work there would starve the relay's writers
        // (console reads already hold a pool thread), delaying every message until the pool grows.
        new Thread(() =>
        {
            try
            {
                try
                {
                    WarmUpServerToAgent();
                }
                finally
                {
                    serverWarm.TrySetResult();
                }

                WarmUpRules();
            }
            finally
            {
                // A regex that fails to build fails its inspection closed later (VG-001); nobody may wait forever.
                warm.TrySetResult();
            }
        })
        {
            IsBackground = true,
            Name = "vanguard rule warm-up",
            Priority = ThreadPriority.BelowNormal,
        }.Start();
    }

    /// <summary>Builds every rule regex now, so that no inspection pays for one (and none overruns its time budget).</summary>
    public void WarmUp()
    {
        WarmUpServerToAgent();
        WarmUpRules();
    }

    /// <summary>Builds the server→agent detectors' regexes and runs them once over representative messages.</summary>
    private void WarmUpServerToAgent()
    {
        // The analysers build their regexes lazily behind literal gates: nothing of theirs to build here.
        ServerToAgentWarmUp.Run(ServerToAgent, Limits);
    }

    private void WarmUpRules()
    {
        foreach (var inspector in AgentToServer.Inspectors.Concat(ServerToAgent.Inspectors))
        {
            (inspector as RuleInspector)?.WarmUp();
        }
    }

    /// <summary>Builds the standard pipelines for <paramref name="options"/>: L0 evasion, then the L1 rules and analysers.</summary>
    /// <param name="access">The gateway's <c>access:</c> policy; null allows every caller everything.</param>
    /// <param name="pins">The tool pin store; when given, <c>tools/list</c> results are compared with it (rug pulls).</param>
    public static InspectionEngine Create(VanguardOptions options, IReadOnlyList<Rule> rules, AccessPolicy? access = null, Integrity.PinStore? pins = null)
    {
        IInspector[] accessControl = access is null ? [] : [new ToolAccessInspector(access)];
        var composer = new PolicyComposer(options.Profile);
        IInspector[] agentToServer =
        [
            new EvasionInspector(),
            .. accessControl,
            new RuleInspector(rules, options.Profile),
            new SecretArgumentInspector(),
            new InjectionArgumentInspector(),
            new ShellCommandInspector(),
            new SsrfInspector(),
            new PathInspector(),
            new SensitiveEgressInspector(),

            // Relative paths are resolved against vanguard's working directory, which the server inherits.
            new SafeZoneInspector(options.SafeZones, Environment.CurrentDirectory),
            new QuarantineInspector(),
            new RootsInspector(),
        ];

        // Server→agent: what the server says about itself, what it answers, and what it asks of the client.
        IInspector[] serverToAgent =
        [
            new MetadataInspector(new ToolDirectory()),
            new OutputInspector(),
            new SecretInspector(),
            new ServerRequestInspector(),
        ];
        return new InspectionEngine(
            options.Limits,
            new InspectionPipeline(agentToServer, composer, options.InspectorBudget),
            new InspectionPipeline([.. accessControl, .. (IInspector[])(pins is null ? [] : [new Integrity.ToolPinInspector(pins)]), .. serverToAgent], composer, options.InspectorBudget));
    }
}
