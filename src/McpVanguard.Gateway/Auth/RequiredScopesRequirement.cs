using Microsoft.AspNetCore.Authorization;

namespace McpVanguard.Gateway.Auth;

/// <summary>
/// A JWT caller must hold every configured scope (<c>auth.jwt.required_scopes</c>); a failure is answered 403
/// <c>insufficient_scope</c>. API-key callers are not subject to it: their rights come from the key's configuration.
/// </summary>
public sealed class RequiredScopesRequirement(IReadOnlyList<string> scopes) : AuthorizationHandler<RequiredScopesRequirement>, IAuthorizationRequirement
{
    public IReadOnlyList<string> Scopes { get; } = scopes;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RequiredScopesRequirement requirement)
    {
        var caller = CallerClaims.CallerFrom(context.User);
        if (caller is not null && (caller.Scheme != CallerClaims.JwtScheme || requirement.Scopes.All(s => caller.Scopes.Contains(s, StringComparer.Ordinal))))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
