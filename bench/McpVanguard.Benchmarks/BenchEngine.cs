using McpVanguard.Configuration;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;

namespace McpVanguard.Benchmarks;

/// <summary>Builds the engine the way <c>vanguard start</c> does: built-in rules, configuration defaults, one profile.</summary>
public static class BenchEngine
{
    /// <summary>The built-in rules, loaded once.</summary>
    public static IReadOnlyList<Rule> Rules { get; } = RuleLoader.Load(null);

    /// <summary>The built-in YAML signatures (the rules with a pattern; analyser rules have none).</summary>
    public static IReadOnlyList<Rule> Signatures { get; } = Rules.Where(r => r.Pattern is not null).ToList();

    public static InspectionEngine Create(Profile profile = Profile.Balanced, IReadOnlyList<string>? safeZones = null, IReadOnlyList<Rule>? rules = null)
    {
        var cli = new Dictionary<string, object>
        {
            ["profile"] = profile.ToString().ToLowerInvariant(),
            ["audit.log"] = Path.Combine(Path.GetTempPath(), "vanguard-bench-audit.jsonl"),
        };
        if (safeZones is not null)
        {
            cli["safe_zones"] = safeZones.ToList();
        }

        var options = ConfigurationLoader.Load(cli, new Dictionary<string, string>(), null, []);
        return InspectionEngine.Create(options, rules ?? Rules);
    }
}
