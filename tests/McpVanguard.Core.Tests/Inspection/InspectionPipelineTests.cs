using McpVanguard.Inspection;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Inspection;

public sealed class InspectionPipelineTests
{
    private sealed class ThrowingInspector : IInspector
    {
        public string Id => "THROWS";

        public void Inspect(InspectionContext context, List<Finding> findings) => throw new InvalidOperationException("boom");
    }

    /// <summary>Burns this much CPU time of its own thread: what a stuck or runaway inspector does.</summary>
    private sealed class SpinningInspector(TimeSpan cpu) : IInspector
    {
        public string Id => "SPINS";

        public void Inspect(InspectionContext context, List<Finding> findings)
        {
            var start = InspectorClock.Now();
            while (InspectorClock.SpentSince(start) < cpu)
            {
                Thread.SpinWait(1000);
            }
        }
    }

    /// <summary>Waits without using the CPU, as a thread does that the machine does not schedule (load) or that waits for a lock.</summary>
    private sealed class WaitingInspector : IInspector
    {
        public string Id => "WAITS";

        public void Inspect(InspectionContext context, List<Finding> findings) => Thread.Sleep(50);
    }

    /// <summary>Builds a large NonBacktracking regex on first use (milliseconds of construction), then matches a short text.</summary>
    private sealed class RegexBuildingInspector : IInspector
    {
        public string Id => "BUILDS";

        public void Inspect(InspectionContext context, List<Finding> findings)
        {
            var pattern = string.Join("|", Enumerable.Range(0, 100).Select(i => $@"\bword{i}\s+--opt{i}\b"));
            var regex = new McpVanguard.Inspection.Rules.LazyRegex(pattern, System.Text.RegularExpressions.RegexOptions.None, new McpVanguard.Inspection.Rules.RegexCache(4));
            _ = regex.Value.IsMatch("hello");
        }
    }

    /// <summary>Builds a table on first use (as the injection lexicon does), spending CPU inside <see cref="OneOffCost.Measure"/>.</summary>
    private sealed class TableBuildingInspector(TimeSpan cpu) : IInspector
    {
        public string Id => "TABLE";

        public void Inspect(InspectionContext context, List<Finding> findings)
            => _ = OneOffCost.Measure(() =>
            {
                var start = InspectorClock.Now();
                var spins = 0;
                while (InspectorClock.SpentSince(start) < cpu)
                {
                    Thread.SpinWait(1000);
                    spins++;
                }

                return spins;
            });
    }

    private sealed class WarningInspector(Severity severity) : IInspector
    {
        public string Id => "WARNS";

        public void Inspect(InspectionContext context, List<Finding> findings)
            => findings.Add(new Finding("TEST-1", "L1", "MCP-00", severity, FindingAction.Warn, "risky"));
    }

    private static Verdict Run(Profile profile, TimeSpan budget, params IInspector[] inspectors)
    {
        var pipeline = new InspectionPipeline(inspectors, new PolicyComposer(profile), budget);
        return pipeline.Inspect(InspectionContextFactory.ToolCall("read_file", new { path = "README.md" }));
    }

    [Theory]
    [InlineData(Profile.Balanced, VerdictKind.Block)]
    [InlineData(Profile.Strict, VerdictKind.Block)]
    [InlineData(Profile.Monitor, VerdictKind.Warn)]
    public void An_inspector_that_throws_fails_closed_except_under_monitor(Profile profile, VerdictKind expected)
    {
        var verdict = Run(profile, TimeSpan.FromSeconds(10), new ThrowingInspector());
        Assert.Equal(expected, verdict.Kind);
        Assert.Equal([InspectionPipeline.InspectorFailedRule], verdict.RuleIds);
    }

    [Fact]
    public void An_inspector_over_its_budget_fails_closed()
    {
        var verdict = Run(Profile.Balanced, TimeSpan.FromMilliseconds(1), new SpinningInspector(TimeSpan.FromMilliseconds(30)));
        Assert.Equal(VerdictKind.Block, verdict.Kind);
        Assert.Equal([InspectionPipeline.InspectorOverBudgetRule], verdict.RuleIds);
    }

    private sealed class QuietInspector : IInspector
    {
        public string Id => "QUIET";

        public void Inspect(InspectionContext context, List<Finding> findings)
        {
        }
    }

    [Fact]
    public void A_burst_of_messages_reads_the_thread_cpu_clock_once_per_reuse_window_not_once_per_message()
    {
        var pipeline = new InspectionPipeline([new QuietInspector()], new PolicyComposer(Profile.Balanced), TimeSpan.FromSeconds(1));
        var context = InspectionContextFactory.ToolCall("read_file", new { path = "README.md" });
        var before = InspectorClock.ReadingsOnThisThread;
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(VerdictKind.Allow, pipeline.Inspect(context).Kind);
        }

        // A quiet inspector takes microseconds; the reading may be reused for 10 ms (an eighth of this budget, at most 10 ms),
        // so 200 messages take a handful of readings even on a loaded machine, against 200 before — or none, when an earlier
        // test on this thread took one less than 10 ms ago.
        Assert.InRange(InspectorClock.ReadingsOnThisThread - before, 0, 50);
    }

    [Fact]
    public void An_inspector_over_its_budget_fails_closed_when_the_cpu_reading_is_reused_from_an_earlier_message()
    {
        var quiet = new InspectionPipeline([new QuietInspector()], new PolicyComposer(Profile.Balanced), TimeSpan.FromMilliseconds(100));
        var spinning = new InspectionPipeline([new QuietInspector(), new SpinningInspector(TimeSpan.FromMilliseconds(150))], new PolicyComposer(Profile.Balanced), TimeSpan.FromMilliseconds(100));
        var context = InspectionContextFactory.ToolCall("read_file", new { path = "README.md" });

        // The quiet message takes the reading; the next one, right after it, starts from that reading.
        Assert.Equal(VerdictKind.Allow, quiet.Inspect(context).Kind);
        var verdict = spinning.Inspect(context);

        Assert.Equal(VerdictKind.Block, verdict.Kind);
        Assert.Equal([InspectionPipeline.InspectorOverBudgetRule], verdict.RuleIds);
    }

    [Fact]
    public void A_reused_reading_never_counts_the_wall_time_before_the_inspector_against_it()
    {
        // A reading taken, then 30 ms of waiting before the inspector starts: the bound subtracts all of it.
        var reading = InspectorClock.Now();
        Thread.Sleep(30);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var spent = InspectorClock.SpentSince(reading, started);

        Assert.True(spent < TimeSpan.FromMilliseconds(5), $"spent {spent.TotalMilliseconds} ms while sleeping");
    }

    [Fact]
    public void Time_the_inspector_spends_waiting_is_not_held_against_it()
    {
        // Wall time far over budget, CPU time under it: a loaded machine, not the inspector.
        var verdict = Run(Profile.Strict, TimeSpan.FromMilliseconds(5), new WaitingInspector());
        Assert.Equal(VerdictKind.Allow, verdict.Kind);
    }

    [Fact]
    public void Building_a_table_on_first_use_is_not_held_against_the_inspector()
    {
        // The one-off build burns CPU far over this budget; what the inspector does afterwards costs nothing.
        var verdict = Run(Profile.Strict, TimeSpan.FromMilliseconds(10), new TableBuildingInspector(TimeSpan.FromMilliseconds(60)));
        Assert.Equal(VerdictKind.Allow, verdict.Kind);
    }

    [Fact]
    public void Building_a_regex_on_first_use_is_not_held_against_the_inspector()
    {
        // Construction takes tens of milliseconds of CPU, far over this budget; matching a short text takes microseconds.
        var verdict = Run(Profile.Strict, TimeSpan.FromMilliseconds(10), new RegexBuildingInspector());
        Assert.Equal(VerdictKind.Allow, verdict.Kind);
    }

    [Fact]
    public void The_budget_grows_with_the_message_so_every_legal_size_is_inspectable()
    {
        var pipeline = new InspectionPipeline([new SpinningInspector(TimeSpan.FromMilliseconds(40))], new PolicyComposer(Profile.Balanced), TimeSpan.FromMilliseconds(10));
        var small = pipeline.Inspect(InspectionContextFactory.ToolCall("write_file", new { path = "a.txt", content = "short" }));
        var large = pipeline.Inspect(InspectionContextFactory.ToolCall("write_file", new { path = "a.txt", content = new string('x', 6 * InspectionPipeline.BudgetSliceBytes) }));

        Assert.Equal([InspectionPipeline.InspectorOverBudgetRule], small.RuleIds);
        Assert.Equal(VerdictKind.Allow, large.Kind);
    }

    [Fact]
    public void A_later_inspector_still_runs_after_one_throws()
    {
        var verdict = Run(Profile.Balanced, TimeSpan.FromSeconds(10), new ThrowingInspector(), new WarningInspector(Severity.Low));
        Assert.Contains("TEST-1", verdict.RuleIds);
        Assert.Equal(VerdictKind.Block, verdict.Kind);
    }

    [Theory]
    [InlineData(Profile.Balanced, Severity.High, VerdictKind.Warn)]
    [InlineData(Profile.Strict, Severity.High, VerdictKind.Block)]
    [InlineData(Profile.Strict, Severity.Medium, VerdictKind.Warn)]
    [InlineData(Profile.Monitor, Severity.Critical, VerdictKind.Warn)]
    public void Strict_escalates_high_severity_warnings(Profile profile, Severity severity, VerdictKind expected)
        => Assert.Equal(expected, Run(profile, TimeSpan.FromSeconds(10), new WarningInspector(severity)).Kind);
}
