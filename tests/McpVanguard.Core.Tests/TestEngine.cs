using McpVanguard.Configuration;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Rules;
using McpVanguard.Integrity;
using McpVanguard.Policy;
using McpVanguard.Replay;

namespace McpVanguard.Tests;

/// <summary>Builds the real inspection engine, with the built-in rules, for a profile.</summary>
internal static class TestEngine
{
    private static readonly IReadOnlyList<Rule> Rules = RuleLoader.Load(null);

    public static VanguardOptions Options(Profile profile = Profile.Balanced, IReadOnlyList<string>? safeZones = null)
    {
        var cli = new Dictionary<string, object>
        {
            ["profile"] = profile.ToString().ToLowerInvariant(),
            ["audit.log"] = Path.Combine(Path.GetTempPath(), "vanguard-test-audit.jsonl"),

            // Detection tests judge what is found, not how fast: on a loaded 2-core CI machine a GC pause can push one
            // inspection past the 250 ms default and fail it closed (VG-002). The budget has its own pipeline tests.
            ["limits.inspector_budget_ms"] = "60000",
        };
        if (safeZones is not null)
        {
            cli["safe_zones"] = safeZones.ToList();
        }

        return ConfigurationLoader.Load(cli, new Dictionary<string, string>(), null, []);
    }

    public static InspectionEngine Create(Profile profile = Profile.Balanced, IReadOnlyList<string>? safeZones = null, PinStore? pins = null)
    {
        var engine = InspectionEngine.Create(Options(profile, safeZones), Rules, pins: pins);
        return engine;
    }

    /// <summary>
    /// A replay runner as <c>vanguard replay</c> builds it: the engine with L3 on the replay clock and an in-memory pin
    /// store, both emptied by the runner per case.
    /// </summary>
    public static ReplayRunner Replay(Profile profile = Profile.Balanced)
    {
        var pins = PinStore.InMemory();
        var clock = new ReplayClock();
        var options = Options(profile);
        var engine = InspectionEngine.Create(options, Rules, pins: pins, stages: McpVanguard.Inspection.Behaviour.BehaviourStage.Stages(options.Behaviour, clock));
        return new ReplayRunner(engine, pins, clock);
    }
}
