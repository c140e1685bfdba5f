using System.Text.Json;

namespace McpVanguard.Inspection.Metadata;

/// <summary>
/// One tool of a list as the split-instruction check reads it: its description is read from the definition only when the
/// check needs the text (a list whose joined descriptions were analysed before, and said nothing, never reads it).
/// </summary>
internal sealed class SplitCandidate(string pointer, string? name, JsonElement definition, bool flagged)
{
    private string? _text;

    /// <summary>The tool's pointer in the message (<c>/result/tools/N</c>).</summary>
    public string Pointer => pointer;

    public string? Name => name;

    /// <summary>True when the tool was already removed for its own text.</summary>
    public bool Flagged => flagged;

    /// <summary>The tool's description, or empty.</summary>
    public string Text => _text ??= definition.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String ? description.GetString()! : string.Empty;
}
