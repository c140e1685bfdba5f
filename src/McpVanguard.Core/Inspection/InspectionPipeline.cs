using System.Diagnostics;
using McpVanguard.Policy;

namespace McpVanguard.Inspection;

/// <summary>
/// The ordered inspectors for one direction. Each runs isolated: one that throws or overruns its budget produces a
/// fail-closed finding under its own id instead of letting the message through unexamined.
/// </summary>
public sealed class InspectionPipeline
{
    public const string InspectorFailedRule = "VG-001";
    public const string InspectorOverBudgetRule = "VG-002";

    private readonly IInspector[] _inspectors;
    private readonly PolicyComposer _composer;
    private readonly long _budgetTicks;
    private readonly Rules.FindingPolicy _findingPolicy;

    /// <param name="findingPolicy">The rule catalog's disables and overrides by id; none when null.</param>
    public InspectionPipeline(IEnumerable<IInspector> inspectors, PolicyComposer composer, TimeSpan inspectorBudget, Rules.FindingPolicy? findingPolicy = null)
    {
        _inspectors = inspectors.ToArray();
        _composer = composer;
        _findingPolicy = findingPolicy ?? Rules.FindingPolicy.None;
        _budgetTicks = (long)(inspectorBudget.TotalSeconds * Stopwatch.Frequency);
    }

    public IReadOnlyList<IInspector> Inspectors => _inspectors;

    public Profile Profile => _composer.Profile;

    public Verdict Inspect(InspectionContext context)
    {
        var findings = new List<Finding>();
        foreach (var inspector in _inspectors)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                inspector.Inspect(context, findings);
            }
            catch (Exception ex)
            {
                findings.Add(FailClosed(InspectorFailedRule, $"Inspector {inspector.Id} failed ({ex.GetType().Name}); failing closed."));
                continue;
            }

            if (Stopwatch.GetTimestamp() - started > _budgetTicks)
            {
                findings.Add(FailClosed(InspectorOverBudgetRule, $"Inspector {inspector.Id} exceeded its time budget; failing closed."));
            }
        }

        // Disabled and overridden rule ids, from a rules directory; locked ids (VG-001/VG-002) are never touched.
        _findingPolicy.Apply(findings);
        return _composer.Compose(findings);
    }

    /// <summary>Composes a verdict from findings produced outside the inspectors (preflight limits, protocol errors).</summary>
    public Verdict Compose(List<Finding> findings) => _composer.Compose(findings);

    private Finding FailClosed(string ruleId, string reason)
        => new(ruleId, "pipeline", "MCP-00", Severity.Critical, _composer.Profile == Profile.Monitor ? FindingAction.Warn : FindingAction.Block, reason);
}
