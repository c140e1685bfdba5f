using McpVanguard.Inspection;

namespace McpVanguard.Telemetry;

/// <summary>The layer an inspector or stage reports its time under (<see cref="TelemetryTags.Layer"/>).</summary>
public static class InspectionLayers
{
    /// <summary>Parsing, the preflight walk and the evasion inspector.</summary>
    public const string L0 = "l0";

    /// <summary>The YAML rules.</summary>
    public const string L1 = "l1";

    /// <summary>The C# analysers (shell, SSRF, paths, secrets, metadata, output, access, pins…).</summary>
    public const string Analysers = "analysers";

    /// <summary>The semantic stage.</summary>
    public const string L2 = "l2";

    /// <summary>The behaviour stage.</summary>
    public const string L3 = "l3";

    /// <summary>Any other awaited stage.</summary>
    public const string Stage = "stage";

    /// <summary>The layer of <paramref name="inspector"/>.</summary>
    public static string Of(IInspector inspector) => inspector switch
    {
        Inspection.Preflight.EvasionInspector => L0,
        Inspection.Rules.RuleInspector => L1,
        _ => Analysers,
    };

    /// <summary>The layer of <paramref name="stage"/>.</summary>
    public static string Of(IInspectionStage stage) => stage switch
    {
        Inspection.Semantic.SemanticStage => L2,
        Inspection.Behaviour.BehaviourStage => L3,
        _ => Stage,
    };
}
