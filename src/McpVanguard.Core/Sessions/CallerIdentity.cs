namespace McpVanguard.Sessions;

/// <summary>
/// Who is calling, as verified by the gateway's authentication (an API key's name, or a validated JWT's subject, roles
/// and scopes). Only verified claims ever get here; local stdio sessions have no caller.
/// </summary>
/// <param name="Name">The principal's name (API-key name, or the token's subject).</param>
/// <param name="Scheme">How it was verified: <c>api-key</c> or <c>jwt</c>.</param>
public sealed record CallerIdentity(string Name, string Scheme, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes);
