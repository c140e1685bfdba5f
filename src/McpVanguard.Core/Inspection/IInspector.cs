namespace McpVanguard.Inspection;

/// <summary>
/// A detector in the pipeline. Pure: it reads the context, adds findings, does no I/O and keeps no global state.
/// </summary>
public interface IInspector
{
    /// <summary>The rule id reported when this inspector throws or overruns its budget (fail closed).</summary>
    string Id { get; }

    /// <summary>Adds findings about <paramref name="context"/> to <paramref name="findings"/>.</summary>
    void Inspect(InspectionContext context, List<Finding> findings);
}
