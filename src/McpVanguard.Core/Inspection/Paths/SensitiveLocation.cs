namespace McpVanguard.Inspection.Paths;

/// <summary>
/// One family of sensitive locations. Patterns are over lower-cased, <c>/</c>-separated segments: <c>**</c> matches any
/// number of segments, <c>*</c> any characters inside one; a leading <c>/</c> anchors at the file-system root.
/// </summary>
/// <param name="RuleId">The finding's rule id.</param>
/// <param name="Family">Short family name used in the reason (never the path itself).</param>
/// <param name="Category">The MCP-38 category of a read.</param>
/// <param name="Patterns">Where the family lives.</param>
/// <param name="Read">Action on reading; null when reading is harmless (start-up files).</param>
/// <param name="Write">Action on writing, moving or deleting.</param>
/// <param name="Excluded">File names that look alike but are harmless (<c>.env.example</c>, public keys).</param>
internal sealed record SensitiveLocation(
    string RuleId,
    string Family,
    string Category,
    string[] Patterns,
    FindingAction? Read,
    FindingAction Write,
    string[]? Excluded = null)
{
    public Severity ReadSeverity { get; init; } = Severity.High;

    public Severity WriteSeverity { get; init; } = Severity.Critical;

    public string WriteCategory { get; init; } = Category;
}
