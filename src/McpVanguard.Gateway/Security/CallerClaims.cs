using System.Security.Claims;
using McpVanguard.Sessions;

namespace McpVanguard.Gateway.Security;

/// <summary>The one place where an authenticated <see cref="ClaimsPrincipal"/> becomes the relay's <see cref="CallerIdentity"/>.</summary>
public static class CallerClaims
{
    /// <summary>Claim naming how the caller was verified (<c>api-key</c> or <c>jwt</c>), set by the authentication handlers.</summary>
    public const string SchemeClaim = "vanguard:scheme";

    /// <summary>The verified caller, or null when the request is not authenticated (authentication not configured).</summary>
    public static CallerIdentity? CallerFrom(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true } identity)
        {
            return null;
        }

        var name = user.FindFirst(ClaimTypes.Name)?.Value ?? identity.Name ?? user.FindFirst("sub")?.Value ?? "unknown";
        var scheme = user.FindFirst(SchemeClaim)?.Value ?? identity.AuthenticationType ?? "unknown";
        var roles = user.FindAll(identity is ClaimsIdentity ci ? ci.RoleClaimType : ClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        // OAuth scopes come as one space-separated "scope" claim, or as several "scp" claims (Entra ID).
        var scopes = user.FindAll("scope").Concat(user.FindAll("scp"))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new CallerIdentity(name, scheme, roles, scopes);
    }
}
