using System.Security.Claims;
using McpVanguard.Sessions;

namespace McpVanguard.Gateway.Auth;

/// <summary>
/// The claims the gateway's handlers put on a verified caller, and the way back to a <see cref="CallerIdentity"/>. A
/// principal holds only these claims, so nothing unverified (or merely present in a token) reaches policy.
/// </summary>
public static class CallerClaims
{
    /// <summary>How the caller was verified: <c>api-key</c> or <c>jwt</c>.</summary>
    public const string SchemeClaim = "vanguard:scheme";

    /// <summary>One granted scope per claim.</summary>
    public const string ScopeClaim = "scope";

    public const string ApiKeyScheme = "api-key";

    public const string JwtScheme = "jwt";

    /// <summary>A principal carrying exactly the verified caller's name, scheme, roles and scopes.</summary>
    public static ClaimsPrincipal Create(string name, string scheme, IEnumerable<string> roles, IEnumerable<string> scopes)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(SchemeClaim, scheme) };
        claims.AddRange(roles.Distinct(StringComparer.Ordinal).Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(scopes.Distinct(StringComparer.Ordinal).Select(s => new Claim(ScopeClaim, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The verified caller of a request, or null when it is not authenticated by one of the gateway's schemes.</summary>
    public static CallerIdentity? CallerFrom(ClaimsPrincipal? principal)
    {
        var identity = principal?.Identities.FirstOrDefault(i => i.IsAuthenticated && i.HasClaim(c => c.Type == SchemeClaim));
        if (identity?.FindFirst(ClaimTypes.Name)?.Value is not { Length: > 0 } name || identity.FindFirst(SchemeClaim)?.Value is not { } scheme)
        {
            return null;
        }

        return new CallerIdentity(
            name,
            scheme,
            identity.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            identity.FindAll(ScopeClaim).Select(c => c.Value).ToList());
    }

    /// <summary>
    /// The key a caller's limits are counted under (<c>api-key:ci</c>, <c>jwt:alice</c>), or null for an anonymous
    /// request; the scheme is part of the key so that a token subject cannot share an API key's budget.
    /// </summary>
    public static string? LimitKey(ClaimsPrincipal? principal) => LimitKey(CallerFrom(principal));

    /// <summary>The limit key of a verified caller (see <see cref="LimitKey(ClaimsPrincipal?)"/>), or null for none.</summary>
    public static string? LimitKey(CallerIdentity? caller) => caller is null ? null : caller.Scheme + ":" + caller.Name;
}
