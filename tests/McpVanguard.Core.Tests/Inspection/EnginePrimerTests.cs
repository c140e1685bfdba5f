using McpVanguard.Inspection;
using McpVanguard.Inspection.Behaviour;
using McpVanguard.Inspection.Semantic;
using McpVanguard.Integrity;
using McpVanguard.Tests.Semantic;
using Microsoft.Extensions.Time.Testing;

namespace McpVanguard.Tests.Inspection;

/// <summary>
/// Priming runs synthetic messages through the real pipelines of a live engine: it must leave nothing behind that a real
/// session could see or that would outlive it (L3 windows and budgets, pins, calls to a remote L2 judge).
/// </summary>
public sealed class EnginePrimerTests
{
    [Fact]
    public async Task Priming_leaves_no_trace_in_the_L3_state_the_pins_or_a_remote_judge()
    {
        var options = TestEngine.Options();
        var state = new InMemoryBehaviourState(new FakeTimeProvider(DateTimeOffset.UnixEpoch), options.Behaviour.MaxKeys, options.Behaviour.MaxEvents);
        var judge = new FakeScorer(0.99);
        var stages = new SemanticStage(judge, SemanticStageTests.Settings()).BothDirections()
            .Then(BehaviourStage.Stages(options.Behaviour with { Enabled = true }, state));
        var pins = PinStore.InMemory();
        var engine = InspectionEngine.Create(options, McpVanguard.Inspection.Rules.RuleLoader.Load(null), pins: pins, stages: stages);

        engine.BeginPriming();
        await engine.Primed;

        Assert.Equal(0, state.Count);
        Assert.Empty(pins.Snapshot().Servers);
        Assert.Empty(judge.Requests);
    }
}
