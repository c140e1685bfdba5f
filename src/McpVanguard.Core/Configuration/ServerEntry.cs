namespace McpVanguard.Configuration;

/// <summary>One validated entry of <c>servers:</c>: a stdio command or a Streamable HTTP URL, never both.</summary>
/// <param name="Location">Where the entry is written (<c>file:line:column</c>), for messages and <c>config show</c>.</param>
public sealed record ServerEntry(
    string Id,
    IReadOnlyList<string>? Command,
    Uri? Url,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Environment,
    string Location);
