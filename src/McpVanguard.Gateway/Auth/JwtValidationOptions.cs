using Microsoft.IdentityModel.Tokens;

namespace McpVanguard.Gateway.Auth;

/// <summary>How bearer JWTs are validated (the <c>auth.jwt</c> section): issuer, audiences, algorithms, lifetime, keys, scopes and claims.</summary>
public sealed record JwtValidationOptions
{
    public required string Issuer { get; init; }

    /// <summary>Accepted <c>aud</c> values; by default the gateway's resource URL, so tokens minted for another service are refused.</summary>
    public required IReadOnlyList<string> Audiences { get; init; }

    /// <summary>Accepted <c>alg</c> values; never <c>none</c>, and HMAC only with a configured symmetric key.</summary>
    public required IReadOnlyList<string> Algorithms { get; init; }

    public required TimeSpan ClockSkew { get; init; }

    /// <summary>Where signing keys are fetched from (a JWKS document); null when <see cref="StaticKey"/> is set.</summary>
    public Uri? JwksUrl { get; init; }

    /// <summary>A fixed signing key (a PEM public key, or a symmetric secret); null when <see cref="JwksUrl"/> is set.</summary>
    public SecurityKey? StaticKey { get; init; }

    /// <summary>How old the cached JWKS may get before it is fetched again.</summary>
    public TimeSpan JwksRefreshInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The least time between two fetches, so that tokens with made-up <c>kid</c>s cannot hammer the key server.</summary>
    public TimeSpan JwksMinRefreshInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Scopes every token must carry (a missing one is a 403 <c>insufficient_scope</c>).</summary>
    public IReadOnlyList<string> RequiredScopes { get; init; } = [];

    /// <summary>Claims every token must carry, each with its accepted values (<c>*</c>: any value).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RequiredClaims { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The claim that names the principal.</summary>
    public string SubjectClaim { get; init; } = "sub";

    /// <summary>The claim that lists the principal's roles.</summary>
    public string RoleClaim { get; init; } = "roles";
}
