using McpVanguard.Inspection;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Inspection;

/// <summary>The later stages of a pipeline (L2, L3): they see earlier findings, may await, and fail closed when they throw.</summary>
public sealed class InspectionStageTests
{
    private sealed class SeenFindings : IInspectionStage
    {
        public string Id => "SEES";

        public List<string> Seen { get; } = [];

        public async ValueTask InspectAsync(InspectionContext context, List<Finding> findings, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Seen.AddRange(findings.Select(f => f.RuleId));
            findings.Add(new Finding("STAGE-1", "L2", "MCP-00", Severity.High, FindingAction.Block, "scored as an attack"));
        }
    }

    private sealed class ThrowingStage : IInspectionStage
    {
        public string Id => "STAGE-THROWS";

        public async ValueTask InspectAsync(InspectionContext context, List<Finding> findings, CancellationToken cancellationToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("provider answered nonsense");
        }
    }

    private sealed class WarningInspector : IInspector
    {
        public string Id => "WARNS";

        public void Inspect(InspectionContext context, List<Finding> findings)
            => findings.Add(new Finding("TEST-1", "L1", "MCP-00", Severity.Medium, FindingAction.Warn, "risky"));
    }

    private static ValueTask<Verdict> Run(Profile profile, IInspectionStage stage)
        => new InspectionPipeline([new WarningInspector()], new PolicyComposer(profile), TimeSpan.FromSeconds(1), stages: [stage])
            .InspectAsync(InspectionContextFactory.ToolCall("read_file", new { path = "README.md" }), CancellationToken.None);

    [Fact]
    public async Task A_stage_sees_what_the_inspectors_found_and_its_findings_decide_the_verdict()
    {
        var stage = new SeenFindings();

        var verdict = await Run(Profile.Balanced, stage);

        Assert.Equal(["TEST-1"], stage.Seen);
        Assert.Equal(VerdictKind.Block, verdict.Kind);
        Assert.Contains("STAGE-1", verdict.RuleIds);
    }

    [Theory]
    [InlineData(Profile.Balanced, VerdictKind.Block)]
    [InlineData(Profile.Monitor, VerdictKind.Warn)]
    public async Task A_stage_that_throws_fails_closed_except_under_monitor(Profile profile, VerdictKind expected)
    {
        var verdict = await Run(profile, new ThrowingStage());

        Assert.Equal(expected, verdict.Kind);
        Assert.Contains(InspectionPipeline.InspectorFailedRule, verdict.RuleIds);
    }

    [Fact]
    public async Task Without_stages_inspection_completes_without_awaiting()
    {
        var pending = new InspectionPipeline([new WarningInspector()], new PolicyComposer(Profile.Balanced), TimeSpan.FromSeconds(1))
            .InspectAsync(InspectionContextFactory.ToolCall("read_file", new { path = "README.md" }), CancellationToken.None);

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Equal(VerdictKind.Warn, (await pending).Kind);
    }
}
