namespace McpVanguard.Inspection;

/// <summary>The later stages (L2, L3) of each direction, in the order they run; none by default.</summary>
public sealed record InspectionStages(IReadOnlyList<IInspectionStage> AgentToServer, IReadOnlyList<IInspectionStage> ServerToAgent)
{
    public static InspectionStages None { get; } = new([], []);

    /// <summary>These stages followed by <paramref name="next"/>'s, direction by direction.</summary>
    public InspectionStages Then(InspectionStages next)
        => new([.. AgentToServer, .. next.AgentToServer], [.. ServerToAgent, .. next.ServerToAgent]);
}
