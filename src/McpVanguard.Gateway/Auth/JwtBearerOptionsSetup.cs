using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace McpVanguard.Gateway.Auth;

/// <summary>
/// Configures the ASP.NET Core JWT bearer handler from <see cref="JwtValidationOptions"/>: the validation itself is the
/// library's (<see cref="JsonWebTokenHandler"/>); this adds the key source, and turns a valid token into a principal
/// carrying only the verified name, roles and scopes.
/// </summary>
internal sealed class JwtBearerOptionsSetup(GatewayAuthOptions auth, IServiceProvider services) : IConfigureNamedOptions<JwtBearerOptions>
{
    /// <summary>The subject becomes a key of the rate-limit and session tables and a field of every audit record; bound it.</summary>
    private const int MaxSubjectLength = 256;

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != GatewayAuthSchemes.Jwt || auth.Jwt is not { } jwt)
        {
            return;
        }

        var jwks = jwt.JwksUrl is null ? null : services.GetRequiredService<JwksKeySource>();

        // Claims keep the names the token uses ('sub', 'scope', 'roles'), not the legacy SOAP URIs.
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudiences = jwt.Audiences,
            ValidAlgorithms = jwt.Algorithms,
            ClockSkew = jwt.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKey = jwt.StaticKey,
            IssuerSigningKeyResolver = jwks is null ? null : (_, _, _, _) => jwks.Keys,
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = async context =>
            {
                if (jwks is not null && BearerValue(context.Request.Headers[HeaderNames.Authorization]) is { } token)
                {
                    await jwks.EnsureFreshAsync(KeyId(token), context.HttpContext.RequestAborted).ConfigureAwait(false);
                }
            },
            OnTokenValidated = context =>
            {
                if (context.SecurityToken is not JsonWebToken token)
                {
                    context.Fail("The token is not a JWT.");
                }
                else if (HasCriticalHeader(token))
                {
                    context.Fail("The token names critical header parameters (crit) that this gateway does not understand.");
                }
                else if (!token.TryGetPayloadValue<string>(jwt.SubjectClaim, out var subject) || string.IsNullOrEmpty(subject))
                {
                    context.Fail($"The token has no '{jwt.SubjectClaim}' claim.");
                }
                else if (subject.Length > MaxSubjectLength)
                {
                    context.Fail("The token's subject is too long.");
                }
                else if (jwt.RequiredClaims.FirstOrDefault(required => !HasClaim(context.Principal, required.Key, required.Value)) is { Key: { } missing })
                {
                    context.Fail($"The token lacks the required claim '{missing}' (or has another value).");
                }
                else
                {
                    var roles = Values(context.Principal, jwt.RoleClaim);
                    var scopes = Values(context.Principal, "scope").Concat(Values(context.Principal, "scp")).SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    context.Principal = CallerClaims.Create(subject, CallerClaims.JwtScheme, roles, scopes);
                }

                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                await BearerChallenge.WriteUnauthorizedAsync(context.HttpContext, context.AuthenticateFailure).ConfigureAwait(false);
            },
            OnForbidden = context => BearerChallenge.WriteForbiddenAsync(context.HttpContext, []),
        };
    }

    /// <summary>The value after <c>Bearer </c>, if that is the header's scheme.</summary>
    internal static string? BearerValue(string? header)
        => header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;

    /// <summary>Whether a bearer value has the shape of a JWS compact token (three base64url parts, JSON header).</summary>
    internal static bool LooksLikeJwt(string value)
        => value.StartsWith("eyJ", StringComparison.Ordinal) && value.Count(c => c == '.') == 2;

    /// <summary>The header's <c>kid</c>, read without validation only to decide whether the key cache must be refreshed.</summary>
    private static string? KeyId(string token)
    {
        try
        {
            return new JsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            // Malformed: the handler rejects it right after; no reason to refresh keys for it.
            return null;
        }
    }

    /// <summary>
    /// Whether the protected header has a <c>crit</c> member. RFC 7515 §4.1.11: a recipient must reject a token whose
    /// <c>crit</c> lists a parameter it does not understand; this gateway understands no extension, and an empty or
    /// malformed list is invalid too, so any <c>crit</c> at all means reject. The library does not check it.
    /// </summary>
    internal static bool HasCriticalHeader(JsonWebToken token)
    {
        using var header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedHeader));
        return header.RootElement.ValueKind != JsonValueKind.Object || header.RootElement.EnumerateObject().Any(p => p.NameEquals("crit"));
    }

    private static IEnumerable<string> Values(System.Security.Claims.ClaimsPrincipal? principal, string type)
        => principal?.FindAll(type).Select(c => c.Value) ?? [];

    private static bool HasClaim(System.Security.Claims.ClaimsPrincipal? principal, string type, IReadOnlyList<string> accepted)
    {
        var values = Values(principal, type).ToList();
        return values.Count > 0 && (accepted.Contains("*") || values.Any(v => accepted.Contains(v, StringComparer.Ordinal)));
    }
}
