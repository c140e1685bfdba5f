namespace McpVanguard.Inspection.Preflight;

/// <summary>One string of a response <c>result</c> (or server request <c>params</c>) with the JSON Pointer that locates it for an edit.</summary>
/// <param name="Pointer">RFC 6901 pointer from the message root, for example <c>/result/content/0/text</c>.</param>
/// <param name="Key">The name of the property holding it (for an array item, the array's property name).</param>
/// <param name="Value">The decoded string value, exactly as sent.</param>
public sealed record PayloadString(string Pointer, string Key, string Value);
