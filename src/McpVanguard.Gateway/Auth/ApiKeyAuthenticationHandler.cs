using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace McpVanguard.Gateway.Auth;

/// <summary>
/// Verifies an API key sent as <c>X-API-Key: KEY</c> or <c>Authorization: Bearer KEY</c>. The key's SHA-256 is compared
/// with every configured digest in constant time, so neither the match nor its position leaks through timing.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    public const string HeaderName = "X-API-Key";

    /// <summary>Longer values are not keys; refusing them bounds the hashing work an anonymous request can cause.</summary>
    private const int MaxKeyLength = 4096;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadKey(Request.Headers, out var key, out var problem))
        {
            return Task.FromResult(problem is null ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(problem));
        }

        var digest = GatewayAuthOptionsReader.Digest(key);
        ApiKeyCredential? match = null;
        foreach (var credential in Options.Keys)
        {
            // No early exit: every digest is compared whatever the outcome.
            if (CryptographicOperations.FixedTimeEquals(digest, credential.Sha256))
            {
                match ??= credential;
            }
        }

        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var principal = CallerClaims.Create(match.Name, CallerClaims.ApiKeyScheme, match.Roles, match.Scopes);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    /// <summary>Finds the key; <paramref name="problem"/> is set when a credential was sent but is unusable.</summary>
    internal static bool TryReadKey(Microsoft.AspNetCore.Http.IHeaderDictionary headers, out string key, out string? problem)
    {
        key = string.Empty;
        problem = null;
        string? value;
        if (headers.TryGetValue(HeaderName, out var apiKey))
        {
            if (apiKey.Count != 1)
            {
                problem = "Send exactly one X-API-Key header.";
                return false;
            }

            value = apiKey[0];
        }
        else if (headers.TryGetValue(HeaderNames.Authorization, out var authorization))
        {
            if (authorization.Count != 1)
            {
                problem = "Send exactly one Authorization header.";
                return false;
            }

            value = authorization[0] is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
            if (value is null)
            {
                // Another scheme (Basic, …) is not ours to judge; the caller simply has no key.
                return false;
            }
        }
        else
        {
            return false;
        }

        if (string.IsNullOrEmpty(value) || value.Length > MaxKeyLength)
        {
            problem = "The API key is not valid.";
            return false;
        }

        key = value;
        return true;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        await BearerChallenge.WriteUnauthorizedAsync(Context, result.Failure).ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => BearerChallenge.WriteForbiddenAsync(Context, []);
}
