namespace McpVanguard.Inspection;

/// <summary>
/// A stage that runs after the synchronous inspectors of a pipeline and may await (L2, semantic scoring) or keep state
/// across messages (L3, behaviour windows). It sees the findings of L0/L1 so far, so it can act only on what is uncertain.
/// </summary>
/// <remarks>
/// A stage that throws fails the message closed under <see cref="InspectionPipeline.InspectorFailedRule"/>; a stage
/// with a deadline of its own (a remote model) decides what its timeout means and says so in a finding.
/// </remarks>
public interface IInspectionStage
{
    /// <summary>The id reported when this stage throws.</summary>
    string Id { get; }

    /// <summary>Adds findings about <paramref name="context"/>; <paramref name="findings"/> holds what earlier layers found.</summary>
    ValueTask InspectAsync(InspectionContext context, List<Finding> findings, CancellationToken cancellationToken);
}
