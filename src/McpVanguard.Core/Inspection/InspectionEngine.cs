using McpVanguard.Configuration;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Inspection.Exfiltration;
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

    /// <summary>Completes when every rule regex is built (at once unless <see cref="StartWarmUp"/> is running).</summary>
    public Task Ready { get; private set; } = Task.CompletedTask;

    /// <summary>Builds the regexes on the thread pool, so that start-up overlaps with the upstream server starting.</summary>
    public Task StartWarmUp() => Ready = Task.Run(WarmUp);

    /// <summary>Builds every rule regex now, so that no inspection pays for one (and none overruns its time budget).</summary>
    public void WarmUp()
    {
        foreach (var inspector in AgentToServer.Inspectors.Concat(ServerToAgent.Inspectors))
        {
            (inspector as RuleInspector)?.WarmUp();
        }
    }

    /// <summary>Builds the standard pipelines for <paramref name="options"/>: L0 evasion, then the L1 rules and analysers.</summary>
    public static InspectionEngine Create(VanguardOptions options, IReadOnlyList<Rule> rules)
    {
        var composer = new PolicyComposer(options.Profile);
        IInspector[] agentToServer =
        [
            new EvasionInspector(),
            new RuleInspector(rules, options.Profile),
            new ShellCommandInspector(),
            new SsrfInspector(),
            new PathInspector(),
            new SensitiveEgressInspector(),

            // Relative paths are resolved against vanguard's working directory, which the server inherits.
            new SafeZoneInspector(options.SafeZones, Environment.CurrentDirectory),
        ];
        return new InspectionEngine(
            options.Limits,
            new InspectionPipeline(agentToServer, composer, options.InspectorBudget),
            new InspectionPipeline([], composer, options.InspectorBudget));
    }
}
