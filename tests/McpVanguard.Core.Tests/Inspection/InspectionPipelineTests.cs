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

    private sealed class SlowInspector : IInspector
    {
        public string Id => "SLOW";

        public void Inspect(InspectionContext context, List<Finding> findings) => Thread.Sleep(20);
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
        var verdict = Run(Profile.Balanced, TimeSpan.FromMilliseconds(1), new SlowInspector());
        Assert.Equal(VerdictKind.Block, verdict.Kind);
        Assert.Equal([InspectionPipeline.InspectorOverBudgetRule], verdict.RuleIds);
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
