namespace McpVanguard.Inspection;

/// <summary>Where in a message a finding was made: the string (RFC 6901 JSON Pointer) and the UTF-16 span inside its value.</summary>
/// <param name="Pointer">The string, for example <c>/result/content/0/text</c>.</param>
/// <param name="Start">First UTF-16 index of the span in the string's value.</param>
/// <param name="Length">Length of the span.</param>
public sealed record FindingLocation(string Pointer, int Start, int Length)
{
    /// <summary>The redact edit that masks this span with <paramref name="replacement"/>.</summary>
    public Policy.MessageEdit Mask(string replacement) => Policy.MessageEdit.ReplaceText(Pointer, Start, Length, replacement);
}
