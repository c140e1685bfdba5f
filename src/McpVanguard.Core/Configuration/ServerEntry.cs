namespace McpVanguard.Configuration;

/// <summary>One validated entry of <c>servers:</c>: a stdio command or a Streamable HTTP URL, never both.</summary>
/// <param name="Location">Where the entry is written (<c>file:line:column</c>), for messages and <c>config show</c>.</param>
public sealed record ServerEntry(
    string Id,
    IReadOnlyList<string>? Command,
    Uri? Url,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Environment,
    string Location)
{
    /// <summary>
    /// Children sessions are multiplexed onto (<c>share: true</c> with <c>pool_size</c>); 0 (the default) gives every
    /// session a child of its own, because a stdio server is single-client unless the operator declares it stateless.
    /// </summary>
    public int SharePoolSize { get; init; }

    /// <summary>The server's manifest (<c>manifest</c>, <c>manifest_key</c>, <c>manifest_identity</c>, <c>manifest_issuer</c>); null when none is configured.</summary>
    public ManifestSettings? Manifest { get; init; }
}
