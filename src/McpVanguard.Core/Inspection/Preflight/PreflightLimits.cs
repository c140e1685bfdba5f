namespace McpVanguard.Inspection.Preflight;

/// <summary>Hard limits checked before any rule runs; they bound the memory and time one message can cost.</summary>
/// <param name="MaxMessageBytes">Longest frame accepted; the reader never buffers more than this for one line.</param>
/// <param name="MaxDepth">Deepest JSON nesting accepted (deep nesting is a parser and walker DoS).</param>
/// <param name="MaxStrings">Most string values in one message (bounds the work of canonicalisation and rules).</param>
public sealed record PreflightLimits(int MaxMessageBytes = 4 * 1024 * 1024, int MaxDepth = 64, int MaxStrings = 10_000);
