namespace McpVanguard.Integrity;

/// <summary>Who a set of pins belongs to: the upstream as the user configured it plus the name the server reports.</summary>
/// <param name="Upstream">The server's command line (stdio) or URL (HTTP).</param>
/// <param name="ServerName"><c>serverInfo.name</c> from the <c>initialize</c> result, when seen.</param>
/// <param name="ServerId">The configured <c>server_id</c> (informational).</param>
public sealed record ServerKey(string Upstream, string? ServerName, string ServerId)
{
    /// <summary>The key in the pin file: <c>UPSTREAM | NAME</c> (just the upstream when the server gave no name).</summary>
    public string Identity => ServerName is { Length: > 0 } name ? Upstream + " | " + name : Upstream;
}
