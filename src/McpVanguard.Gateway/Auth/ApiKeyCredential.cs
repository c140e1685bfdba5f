namespace McpVanguard.Gateway.Auth;

/// <summary>One accepted API key: the principal it names and the SHA-256 digest of the key (the key itself is never kept).</summary>
/// <param name="Name">The principal name callers with this key get (for access rules, rate limits and audit).</param>
/// <param name="Sha256">SHA-256 of the key's UTF-8 bytes.</param>
public sealed record ApiKeyCredential(string Name, byte[] Sha256, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes)
{
    /// <summary>Prints the name only, so a stray log line never carries even the digest.</summary>
    public override string ToString() => $"ApiKeyCredential {{ Name = {Name} }}";
}
