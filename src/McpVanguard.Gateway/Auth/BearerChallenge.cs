using McpVanguard.Gateway.Messages;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace McpVanguard.Gateway.Auth;

/// <summary>
/// Writes the gateway's 401 and 403 answers (RFC 6750 and RFC 9728): a <c>WWW-Authenticate: Bearer</c> header that
/// points at the protected resource metadata, plus a small JSON body saying what is wrong. Descriptions are fixed
/// texts chosen here, never the validator's message, so no token content is echoed back.
/// </summary>
public static class BearerChallenge
{
    public const string MetadataPath = "/.well-known/oauth-protected-resource";

    /// <summary>401: no credentials (no error code), or credentials that failed (<c>invalid_token</c>).</summary>
    public static Task WriteUnauthorizedAsync(HttpContext context, Exception? failure)
    {
        var options = context.RequestServices.GetRequiredService<GatewayAuthOptions>();
        var header = $"Bearer resource_metadata=\"{MetadataUrl(context.Request, options)}\"";
        string error, description;
        if (failure is null)
        {
            error = "unauthorized";
            description = RefusalReplies.Message(Refusal.Unauthenticated);
        }
        else
        {
            error = "invalid_token";
            description = Describe(failure);
            header += $", error=\"invalid_token\", error_description=\"{description}\"";
        }

        return WriteAsync(context, RefusalReplies.Of(Refusal.Unauthenticated).Status, header, error, description);
    }

    /// <summary>403: the caller is known but lacks <paramref name="missingScopes"/> (<c>insufficient_scope</c>), or is refused outright.</summary>
    public static Task WriteForbiddenAsync(HttpContext context, IReadOnlyList<string> missingScopes)
    {
        var options = context.RequestServices.GetRequiredService<GatewayAuthOptions>();
        if (missingScopes.Count == 0)
        {
            return WriteAsync(context, RefusalReplies.Of(Refusal.Forbidden).Status, null, "forbidden", RefusalReplies.Message(Refusal.Forbidden));
        }

        var scope = string.Join(' ', missingScopes);
        var description = "The token lacks a required scope.";
        var header = $"Bearer resource_metadata=\"{MetadataUrl(context.Request, options)}\", error=\"insufficient_scope\", scope=\"{scope}\", error_description=\"{description}\"";
        return WriteAsync(context, RefusalReplies.Of(Refusal.Forbidden).Status, header, "insufficient_scope", description, scope);
    }

    /// <summary>This gateway's resource URL: the configured one, or this request's origin with <c>/mcp</c>.</summary>
    public static string ResourceUrl(HttpRequest request, GatewayAuthOptions options)
        => options.Resource?.OriginalString ?? $"{request.Scheme}://{request.Host}{request.PathBase}/mcp";

    /// <summary>Where the RFC 9728 metadata of <see cref="ResourceUrl"/> is served: the well-known path inserted before the resource's path.</summary>
    public static string MetadataUrl(HttpRequest request, GatewayAuthOptions options)
    {
        if (options.Resource is { } resource)
        {
            var path = resource.AbsolutePath.TrimEnd('/');
            return $"{resource.GetLeftPart(UriPartial.Authority)}{MetadataPath}{path}";
        }

        return $"{request.Scheme}://{request.Host}{request.PathBase}{MetadataPath}/mcp";
    }

    /// <summary>What went wrong with a credential, in words of our own that never repeat any part of it.</summary>
    internal static string Describe(Exception failure) => failure switch
    {
        AggregateException { InnerExceptions.Count: > 0 } many => Describe(many.InnerExceptions[0]),
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        SecurityTokenInvalidAudienceException => "The token was issued for another audience.",
        SecurityTokenInvalidIssuerException => "The token's issuer is not trusted.",
        SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not allowed.",
        SecurityTokenSignatureKeyNotFoundException => "The token is signed with an unknown key.",
        SecurityTokenInvalidSignatureException => "The token's signature is not valid.",
        SecurityTokenMalformedException => "The token is malformed.",
        // Raised by the gateway's own checks with texts written in this assembly.
        AuthenticationFailureException own => own.Message,
        _ => "The credentials are not valid.",
    };

    private static async Task WriteAsync(HttpContext context, int status, string? header, string error, string description, string? scope = null)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = status;
        if (header is not null)
        {
            response.Headers[HeaderNames.WWWAuthenticate] = header;
        }

        response.Headers.CacheControl = "no-store";
        response.ContentType = "application/json";
        var body = new Dictionary<string, string> { ["error"] = error, ["error_description"] = description };
        if (scope is not null)
        {
            body["scope"] = scope;
        }

        await JsonSerializer.SerializeAsync(response.Body, body, GatewayAuthJsonContext.Default.DictionaryStringString, context.RequestAborted).ConfigureAwait(false);
    }
}
