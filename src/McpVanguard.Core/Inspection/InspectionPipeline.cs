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

    /// <summary>
    /// The budget is granted per started slice of this many message bytes, so that every legal message, however large,
    /// is inspectable within budget: inspection is linear in the message, and so is what it may spend.
    /// </summary>
    public const int BudgetSliceBytes = 256 * 1024;

    private readonly IInspector[] _inspectors;
    private readonly IInspectionStage[] _stages;
    private readonly PolicyComposer _composer;
    private readonly long _budgetTicks;

    /// <summary>How old a reading of the thread's CPU clock may be and still serve as a message's start: an eighth of the budget, at most 10 ms.</summary>
    private readonly long _readingReuseTicks;
    private readonly Rules.FindingPolicy _findingPolicy;

    /// <param name="findingPolicy">The rule catalog's disables and overrides by id; none when null.</param>
    /// <param name="stages">Stages that run after the inspectors and may await (L2, L3); none when null.</param>
    public InspectionPipeline(IEnumerable<IInspector> inspectors, PolicyComposer composer, TimeSpan inspectorBudget, Rules.FindingPolicy? findingPolicy = null, IEnumerable<IInspectionStage>? stages = null)
    {
        _inspectors = inspectors.ToArray();
        _stages = stages?.ToArray() ?? [];
        _composer = composer;
        _findingPolicy = findingPolicy ?? Rules.FindingPolicy.None;
        _budgetTicks = (long)(inspectorBudget.TotalSeconds * Stopwatch.Frequency);
        _readingReuseTicks = Math.Min(_budgetTicks / 8, Stopwatch.Frequency / 100);
    }

    public IReadOnlyList<IInspector> Inspectors => _inspectors;

    public IReadOnlyList<IInspectionStage> Stages => _stages;

    public Profile Profile => _composer.Profile;

    /// <summary>Runs the inspectors, then the stages, and composes the verdict; completes synchronously when there are no stages.</summary>
    public ValueTask<Verdict> InspectAsync(InspectionContext context, CancellationToken cancellationToken)
    {
        var findings = RunInspectors(context);
        return _stages.Length == 0 ? ValueTask.FromResult(Decide(context, findings)) : RunStagesAsync(context, findings, cancellationToken);
    }

    /// <summary>Inspects on a thread that may block (priming, benchmarks, tests); the relay awaits <see cref="InspectAsync"/>.</summary>
    public Verdict Inspect(InspectionContext context)
    {
        var pending = InspectAsync(context, CancellationToken.None);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    private async ValueTask<Verdict> RunStagesAsync(InspectionContext context, List<Finding> findings, CancellationToken cancellationToken)
    {
        foreach (var stage in _stages)
        {
            context.Trace?.Enter(stage);
            try
            {
                await stage.InspectAsync(context, findings, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                findings.Add(FailClosed(InspectorFailedRule, $"Stage {stage.Id} failed ({ex.GetType().Name}); failing closed."));
            }
        }

        return Decide(context, findings);
    }

    private Verdict Decide(InspectionContext context, List<Finding> findings)
    {
        context.Trace?.EndLayer();
        // Disabled and overridden rule ids, from a rules directory; locked ids (VG-001/VG-002) are never touched.
        _findingPolicy.Apply(findings);
        return _composer.Compose(findings);
    }

    private List<Finding> RunInspectors(InspectionContext context)
    {
        var findings = new List<Finding>();

        // Wall time is the cheap first test; only an inspector over budget on the wall clock is judged by what it spent
        // itself (InspectorClock), so that load, start-up, JIT and GC never fail a message closed. One timestamp per
        // inspector boundary (an inspector's end is the next one's start), and the thread's CPU clock read at most once per
        // reuse window, not once per message (InspectorClock.Recent says why that stays a lower bound).
        var budget = _budgetTicks * (1 + ((long)context.Message.Raw.Length / BudgetSliceBytes));
        var started = Stopwatch.GetTimestamp();
        var reading = InspectorClock.Recent(started, _readingReuseTicks);
        foreach (var inspector in _inspectors)
        {
            context.Trace?.Enter(inspector);
            try
            {
                inspector.Inspect(context, findings);
            }
            catch (Exception ex)
            {
                findings.Add(FailClosed(InspectorFailedRule, $"Inspector {inspector.Id} failed ({ex.GetType().Name}); failing closed."));
                started = Stopwatch.GetTimestamp();
                continue;
            }

            var ended = Stopwatch.GetTimestamp();
            if (ended - started > budget && InspectorClock.SpentSince(reading, started) > TimeSpan.FromSeconds((double)budget / Stopwatch.Frequency))
            {
                findings.Add(FailClosed(InspectorOverBudgetRule, $"Inspector {inspector.Id} exceeded its time budget; failing closed."));
            }

            started = ended;
        }

        // The gate results kept per thread hold their texts: let a large message go once its inspectors are done.
        AnalyzerGates.Forget();
        TextMemo.Forget();
        return findings;
    }

    /// <summary>Composes a verdict from findings produced outside the inspectors (preflight limits, protocol errors).</summary>
    public Verdict Compose(List<Finding> findings) => _composer.Compose(findings);

    private Finding FailClosed(string ruleId, string reason)
        => new(ruleId, "pipeline", "MCP-00", Severity.Critical, _composer.Profile == Profile.Monitor ? FindingAction.Warn : FindingAction.Block, reason);
}
