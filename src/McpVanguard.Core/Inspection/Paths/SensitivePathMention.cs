namespace McpVanguard.Inspection.Paths;

/// <summary>A sensitive location named inside free text (a tool description, a result): which family, and where it is.</summary>
/// <param name="Location">The family the named path falls in.</param>
/// <param name="Index">Start of the path in the text (UTF-16 index).</param>
/// <param name="Length">Length of the path in the text.</param>
internal readonly record struct SensitivePathMention(SensitiveLocation Location, int Index, int Length);
