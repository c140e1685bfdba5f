namespace McpVanguard.Integrity;

/// <summary>What comparing one <c>tools/list</c> result with the pins found.</summary>
/// <param name="FirstSight">The server had no pins: they were taken from this list (or from the baseline).</param>
/// <param name="RenamedFrom">The server's previous <c>serverInfo.name</c> at the same upstream, when it now reports another one.</param>
/// <param name="Error">Why the pins could not be read or compared (the list was then not compared).</param>
public sealed record PinObservation(IReadOnlyList<ToolChange> Changes, bool FirstSight, string? RenamedFrom, string? Error)
{
    public static PinObservation Unavailable(string error) => new([], false, null, error);
}

/// <summary>One tool that differs from its pin.</summary>
/// <param name="Index">Its position in the <c>tools</c> array; -1 for a removed tool.</param>
/// <param name="Hold">The tool must be withheld from the agent until approved.</param>
public sealed record ToolChange(string Tool, int Index, PinChange Change, bool Hold);
