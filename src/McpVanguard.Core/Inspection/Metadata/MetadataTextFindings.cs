using McpVanguard.Inspection.Instructions;

namespace McpVanguard.Inspection.Metadata;

/// <summary>What one metadata string's analysis found.</summary>
/// <param name="Hidden">Invisible, bidi or tag characters, NUL, control characters or terminal escapes.</param>
/// <param name="Signals">The instruction signals in its canonical copies.</param>
internal readonly record struct MetadataTextFindings(bool Hidden, InstructionSignals Signals);
