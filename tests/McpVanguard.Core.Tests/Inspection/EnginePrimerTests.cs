using System.Reflection;
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

    /// <summary>
    /// The table build registers every gated regex before the gates' automaton is first built, so that it is built once
    /// (not again on the first call that initialises another analyser): every type holding such regexes is in its list.
    /// </summary>
    [Fact]
    public void The_table_build_initialises_every_type_that_holds_gated_regexes()
    {
        var holders = new HashSet<Type>();
        foreach (var type in typeof(PrefilteredRegex).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType == typeof(PrefilteredRegex) || HoldsGatedRegexes(field.FieldType))
                {
                    holders.Add(type.IsNested && type.Name.StartsWith('<') ? type.DeclaringType! : type);
                }
            }
        }

        // The registry itself holds them all once registered.
        holders.Remove(typeof(AnalyzerGates));
        Assert.Contains(typeof(McpVanguard.Inspection.Secrets.SecretScanner), holders);
        Assert.Empty(holders.Except(EnginePrimer.GatedRegexHolders.Select(h => h.Holder)).Select(t => t.FullName));
    }

    private static bool HoldsGatedRegexes(Type type)
        => type.IsAssignableTo(typeof(IEnumerable<PrefilteredRegex>))
            || type.IsAssignableTo(typeof(IEnumerable<McpVanguard.Inspection.Secrets.SecretDetector>))
            || type.IsAssignableTo(typeof(IEnumerable<McpVanguard.Inspection.Instructions.InjectionPhrase>));
}
