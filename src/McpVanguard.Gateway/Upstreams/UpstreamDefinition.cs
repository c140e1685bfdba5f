namespace McpVanguard.Gateway.Upstreams;

/// <summary>
/// One upstream MCP server the gateway fronts, served at <c>/mcp/{Id}</c>: either a stdio command (a child per session)
/// or the URL of a remote Streamable HTTP server.
/// </summary>
/// <param name="Headers">Credentials and other headers sent to a remote upstream (never the client's own).</param>
/// <param name="Environment">Variables set for a stdio child in addition to the gateway's own.</param>
public sealed record UpstreamDefinition(string Id, IReadOnlyList<string>? Command, Uri? Url, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Environment)
{
    public bool IsStdio => Command is not null;

    /// <summary>Children the sessions are multiplexed onto (<c>share: true</c>); 0: a child per session, the default.</summary>
    public int SharePoolSize { get; init; }

    public bool IsShared => SharePoolSize > 0;

    public static UpstreamDefinition Stdio(string id, IReadOnlyList<string> command) => new(id, command, null, new Dictionary<string, string>(), new Dictionary<string, string>());

    public static UpstreamDefinition Remote(string id, Uri url) => new(id, null, url, new Dictionary<string, string>(), new Dictionary<string, string>());
}
