namespace McpVanguard.Scanning;

/// <summary>One MCP server to scan: a command to start (stdio) or a Streamable HTTP URL, named as its config names it.</summary>
/// <param name="Name">The server's name in its config file, or the command line / URL given on the command line.</param>
/// <param name="Source">Where it was found: a config file's path, or <c>command line</c>.</param>
/// <param name="Environment">Extra environment variables for a stdio server (a config's <c>env</c>).</param>
/// <param name="Problem">Why the entry cannot be scanned (an unsupported transport); reported as an error for this server.</param>
/// <param name="UnwrappedFrom">
/// The entry's own command line when it runs <c>vanguard start</c>: <see cref="Command"/> is then the inner server, scanned
/// directly (through an inner vanguard a poisoned tool is silently dropped and the server looks clean).
/// </param>
public sealed record ScanTarget(string Name, string Source, IReadOnlyList<string>? Command, string? Url, IReadOnlyDictionary<string, string>? Environment = null, string? Problem = null, string? UnwrappedFrom = null)
{
    /// <summary>The upstream as <c>vanguard start</c> would name it: the command line, or the URL.</summary>
    public string Upstream => Url ?? Transports.Stdio.CommandLineSplitter.Join(Command ?? []);
}
