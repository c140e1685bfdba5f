using McpVanguard.Configuration;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;

namespace McpVanguard.Fuzz;

/// <summary>Inspection engines composed from the built-in rules and configuration defaults, as <c>vanguard start</c> composes them.</summary>
internal static class FuzzEngines
{
    private static readonly Lazy<IReadOnlyList<Rule>> Rules = new(() => RuleLoader.Load(null));

    public static VanguardOptions Options(Profile profile) => ConfigurationLoader.Load(
        new Dictionary<string, object>
        {
            ["profile"] = profile.ToString().ToLowerInvariant(),
            // Nothing is written: the relay in the targets audits to a null sink.
            ["audit.log"] = Path.Combine(Path.GetTempPath(), "vanguard-fuzz-audit-unused.jsonl"),
        },
        new Dictionary<string, string>(),
        null,
        []);

    public static InspectionEngine Create(Profile profile) => InspectionEngine.Create(Options(profile), Rules.Value);
}
