using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace McpVanguard.Gateway.Auth;

/// <summary>
/// Answers a failed authorization with the gateway's own 401/403 (see <see cref="BearerChallenge"/>), knowing what
/// failed: no credentials, bad credentials, or a missing scope.
/// </summary>
internal sealed class GatewayAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (authorizeResult.Challenged)
        {
            // Cached per request by the handler, so this does not validate the credentials a second time.
            var authentication = await context.AuthenticateAsync(GatewayAuthSchemes.Selector).ConfigureAwait(false);
            await BearerChallenge.WriteUnauthorizedAsync(context, authentication.Failure).ConfigureAwait(false);
            return;
        }

        var missing = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<RequiredScopesRequirement>()
            .SelectMany(r => r.Scopes.Where(s => !context.User.HasClaim(CallerClaims.ScopeClaim, s)))
            .Distinct(StringComparer.Ordinal)
            .ToList() ?? [];
        await BearerChallenge.WriteForbiddenAsync(context, missing).ConfigureAwait(false);
    }
}
