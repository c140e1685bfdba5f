using McpVanguard.Policy;

namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// The findings of L3 (BEH-001…008, listed in Rules/analyzers.yaml) and the profile policy: a chain L3 is sure of blocks
/// the call that completes it in balanced; volume and weak chains warn in balanced and block in strict; monitor only
/// records (the composer turns its blocks into shadow blocks). Disables and overrides by id apply as for every rule.
/// </summary>
internal static class BehaviourFindings
{
    public const string Layer = "L3";

    public static Finding Sure(string ruleId, string category, Severity severity, string reason)
        => new(ruleId, Layer, category, severity, FindingAction.Block, reason);

    /// <summary>A finding that warns in balanced and monitor, and blocks in strict.</summary>
    public static Finding Tentative(string ruleId, string category, Severity severity, Profile profile, string reason)
        => new(ruleId, Layer, category, severity, profile == Profile.Strict ? FindingAction.Block : FindingAction.Warn, reason);

    /// <summary>"a (id 1, +0.0s) … b (id 9, +4.2s)": the first and last steps of a run, with how many came between.</summary>
    public static string Sequence(IReadOnlyList<BehaviourEvent> steps, long originMs)
        => steps.Count switch
        {
            0 => string.Empty,
            1 => steps[0].Describe(originMs),
            2 => $"{steps[0].Describe(originMs)}, {steps[1].Describe(originMs)}",
            _ => $"{steps[0].Describe(originMs)} … {steps[^1].Describe(originMs)}",
        };
}
