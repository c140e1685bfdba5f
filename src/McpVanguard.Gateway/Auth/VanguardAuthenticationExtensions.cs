using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace McpVanguard.Gateway.Auth;

/// <summary>
/// Wiring of the gateway's authentication: API keys and JWT bearer tokens behind one scheme, the client policy, the
/// 401/403 answers and the RFC 9728 metadata endpoints. Used only by <see cref="Hosting.GatewayServer.Create"/>, the one
/// place where the gateway is composed (with the rate limits and session caps next to it).
/// </summary>
internal static class VanguardAuthenticationExtensions
{
    /// <summary>
    /// Registers the schemes (<see cref="GatewayAuthSchemes"/>) and the policy <see cref="GatewayPolicies.Client"/>; call
    /// only when <see cref="GatewayAuthOptions.IsEnabled"/> (with nothing configured the client policy refuses everyone).
    /// </summary>
    public static IServiceCollection AddVanguardAuthentication(this IServiceCollection services, GatewayAuthOptions options, TimeProvider time)
    {
        services.AddSingleton(options);
        if (options.Jwt is { JwksUrl: { } jwksUrl } jwt)
        {
            services.AddSingleton(provider => new JwksKeySource(jwksUrl, jwt.JwksRefreshInterval, jwt.JwksMinRefreshInterval, provider.GetRequiredService<ILogger<JwksKeySource>>(), time));
        }

        var authentication = services.AddAuthentication(GatewayAuthSchemes.Selector)
            .AddPolicyScheme(GatewayAuthSchemes.Selector, "API key or bearer token", o => o.ForwardDefaultSelector = context => SelectScheme(context, options))
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(GatewayAuthSchemes.ApiKey, o => o.Keys = options.ApiKeys);
        if (options.Jwt is not null)
        {
            authentication.AddJwtBearer(GatewayAuthSchemes.Jwt);
            services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerOptionsSetup>();
        }

        services.AddAuthorization(authorization => authorization.AddPolicy(GatewayPolicies.Client, new AuthorizationPolicyBuilder(GatewayAuthSchemes.Selector)
            .RequireAuthenticatedUser()
            .AddRequirements(new RequiredScopesRequirement(options.Jwt?.RequiredScopes ?? []))
            .Build()));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, GatewayAuthorizationResultHandler>();
        return services;
    }

    /// <summary>Serves the RFC 9728 metadata at <c>/.well-known/oauth-protected-resource</c> and its path-suffixed forms (such as <c>…/mcp</c>).</summary>
    public static IEndpointConventionBuilder MapVanguardAuthMetadata(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BearerChallenge.MetadataPath).AllowAnonymous();
        group.MapGet(string.Empty, (HttpContext context) => Metadata(context, null));
        group.MapGet("/{**resourcePath}", (HttpContext context, string resourcePath) => Metadata(context, resourcePath));
        return group;
    }

    private static IResult Metadata(HttpContext context, string? resourcePath)
    {
        var options = context.RequestServices.GetRequiredService<GatewayAuthOptions>();
        var resource = options.Resource?.OriginalString
            ?? (resourcePath is null ? BearerChallenge.ResourceUrl(context.Request, options) : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/{resourcePath}");
        var document = new ProtectedResourceMetadata(
            resource,
            options.AuthorizationServers.Count == 0 ? null : options.AuthorizationServers.Select(u => u.OriginalString).ToList(),
            options.ScopesSupported.Count == 0 ? null : options.ScopesSupported,
            ["header"],
            "McpVanguard gateway");
        return Results.Json(document, GatewayAuthJsonContext.Default.ProtectedResourceMetadata);
    }

    /// <summary>API key unless the bearer value has the shape of a JWT and JWTs are configured; X-API-Key always means a key.</summary>
    private static string SelectScheme(HttpContext context, GatewayAuthOptions options)
    {
        if (options.Jwt is null || context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
        {
            return GatewayAuthSchemes.ApiKey;
        }

        var bearer = JwtBearerOptionsSetup.BearerValue(context.Request.Headers[HeaderNames.Authorization]);
        return options.ApiKeys.Count == 0 || (bearer is not null && JwtBearerOptionsSetup.LooksLikeJwt(bearer))
            ? GatewayAuthSchemes.Jwt
            : GatewayAuthSchemes.ApiKey;
    }
}
