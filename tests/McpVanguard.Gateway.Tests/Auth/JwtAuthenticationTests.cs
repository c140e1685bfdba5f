using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using McpVanguard.Gateway.Auth;
using Microsoft.IdentityModel.Tokens;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>JWT bearer tokens at the real gateway, validated against a JWKS served by a real key server, next to API keys.</summary>
public sealed class JwtAuthenticationTests : IAsyncLifetime
{
    private const string CiKey = "ci-key-0123456789abcdef";

    private readonly SigningKey _rsa = SigningKey.Rsa("rsa-1");
    private readonly SigningKey _ec = SigningKey.EcP256("ec-1");
    private JwksTestServer _jwks = null!;
    private GatewayHarness _gateway = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _jwks = await JwksTestServer.StartAsync();
        _jwks.Publish(_rsa, _ec);
        _gateway = await GatewayHarness.StartFromConfigAsync($"""
            auth:
              resource: {TestTokens.Resource}
              authorization_servers: [{TestTokens.Issuer}]
              api_keys:
                - name: ci
                  key_env: CI_KEY
              jwt:
                issuer: {TestTokens.Issuer}
                jwks_url: {_jwks.Url}
                jwks_min_refresh_s: 0
                required_scopes: [mcp:tools]
                required_claims:
                  tenant: [acme, globex]
            """, GatewayCalls.FileTools, new Dictionary<string, string> { ["CI_KEY"] = CiKey });
        _http = _gateway.NewHttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        await _jwks.DisposeAsync();
    }

    private static Dictionary<string, object> Claims(string scope = "mcp:tools other", string tenant = "acme", object? roles = null)
    {
        var claims = new Dictionary<string, object> { ["scope"] = scope, ["tenant"] = tenant };
        if (roles is not null)
        {
            claims["roles"] = roles;
        }

        return claims;
    }

    private static async Task<string> ChallengeOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("resource_metadata=\"https://gw.test/.well-known/oauth-protected-resource/mcp\"", challenge.Parameter);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error_description").GetString()!;
    }

    [Fact]
    public async Task A_valid_rs256_token_names_its_subject_roles_and_scopes()
    {
        var token = TestTokens.Create(_rsa.Credentials, claims: Claims(roles: new[] { "admin", "ops" }));
        var session = await GatewayCalls.InitializeAsync(_http, ("Authorization", "Bearer " + token));
        var caller = _gateway.Server.CallerOf(session)!;
        Assert.Equal(("alice", "jwt"), (caller.Name, caller.Scheme));
        Assert.Equal(["admin", "ops"], caller.Roles);
        Assert.Equal(["mcp:tools", "other"], caller.Scopes);
    }

    [Fact]
    public async Task A_valid_es256_token_from_the_same_jwks_works()
    {
        using var response = await GatewayCalls.BearerAsync(_http, TestTokens.Create(_ec.Credentials, subject: "bob", claims: Claims()));
        await GatewayCalls.AssertReachedTheEndpointAsync(response);
    }

    [Fact]
    public async Task An_api_key_still_works_next_to_jwt()
    {
        using var response = await GatewayCalls.BearerAsync(_http, CiKey);
        await GatewayCalls.AssertReachedTheEndpointAsync(response);
    }

    [Fact]
    public async Task An_expired_token_is_refused_beyond_the_clock_skew()
    {
        using var response = await GatewayCalls.BearerAsync(_http, TestTokens.Create(_rsa.Credentials, expiresIn: TimeSpan.FromMinutes(-2), claims: Claims()));
        Assert.Equal("The token has expired.", await ChallengeOf(response));
        var record = Assert.Single(_gateway.Audit.Records, r => r.RuleIds.Contains(FailedAuthenticationGuard.RuleId));
        Assert.Equal("Authentication failed from 127.0.0.1: The token has expired.", record.Reason);
    }

    [Theory]
    [InlineData("exp")] // a registered claim name: RFC 7515 forbids it in crit, so it is never "understood"
    [InlineData("x-vendor-extension")] // an extension this gateway does not implement
    public async Task A_token_with_a_crit_header_is_refused(string critical)
    {
        var token = TestTokens.Create(_rsa.Credentials, claims: Claims(), headers: new Dictionary<string, object> { ["crit"] = new[] { critical }, [critical] = "x" });
        Assert.Contains("\"crit\"", Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[0])));
        using var response = await GatewayCalls.BearerAsync(_http, token);
        Assert.Equal("The token names critical header parameters (crit) that this gateway does not understand.", await ChallengeOf(response));
    }

    [Fact]
    public async Task The_same_token_without_crit_is_accepted()
    {
        var token = TestTokens.Create(_rsa.Credentials, claims: Claims(), headers: new Dictionary<string, object> { ["x-vendor-extension"] = "x" });
        using var response = await GatewayCalls.BearerAsync(_http, token);
        await GatewayCalls.AssertReachedTheEndpointAsync(response);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        using var response = await GatewayCalls.BearerAsync(_http, TestTokens.Create(_rsa.Credentials, audience: "https://other.test/mcp", claims: Claims()));
        Assert.Equal("The token was issued for another audience.", await ChallengeOf(response));
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        using var response = await GatewayCalls.BearerAsync(_http, TestTokens.Create(_rsa.Credentials, issuer: "https://evil.test/", claims: Claims()));
        Assert.Equal("The token's issuer is not trusted.", await ChallengeOf(response));
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        var token = TestTokens.Create(null, claims: Claims());
        Assert.Contains("\"alg\":\"none\"", Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[0])));
        using var response = await GatewayCalls.BearerAsync(_http, token);
        await ChallengeOf(response);
    }

    [Fact]
    public async Task An_hs256_token_keyed_with_the_rsa_public_key_is_refused()
    {
        // Algorithm confusion: the attacker signs with HMAC, using the server's public key (which is public) as the secret.
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_rsa.PublicPem)) { KeyId = _rsa.KeyId };
        using var response = await GatewayCalls.BearerAsync(_http, TestTokens.Create(new SigningCredentials(secret, SecurityAlgorithms.HmacSha256), claims: Claims()));
        await ChallengeOf(response);
    }

    [Fact]
    public async Task A_token_signed_by_a_key_not_in_the_jwks_is_refused()
    {
        var stranger = SigningKey.Rsa("rsa-1"); // same kid, different key
        using var response = await GatewayCalls.BearerAsync(_http, TestTokens.Create(stranger.Credentials, claims: Claims()));
        await ChallengeOf(response);
    }

    [Fact]
    public async Task A_tampered_payload_is_refused()
    {
        var parts = TestTokens.Create(_rsa.Credentials, claims: Claims()).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"alice\"", "\"admin\"", StringComparison.Ordinal);
        using var response = await GatewayCalls.BearerAsync(_http, $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}");
        Assert.Equal("The token's signature is not valid.", await ChallengeOf(response));
    }

    [Fact]
    public async Task A_new_kid_is_picked_up_when_the_key_server_rotates()
    {
        var rotated = SigningKey.Rsa("rsa-2");
        var token = TestTokens.Create(rotated.Credentials, claims: Claims());
        using (var before = await GatewayCalls.BearerAsync(_http, token))
        {
            Assert.Equal("The token is signed with an unknown key.", await ChallengeOf(before));
        }

        _jwks.Publish(rotated);
        using var after = await GatewayCalls.BearerAsync(_http, token);
        await GatewayCalls.AssertReachedTheEndpointAsync(after);
    }

    [Fact]
    public async Task A_token_without_the_required_scope_gets_403_insufficient_scope()
    {
        using var response = await GatewayCalls.BearerAsync(_http, TestTokens.Create(_rsa.Credentials, claims: Claims(scope: "mcp:read")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate).Parameter!;
        Assert.Contains("error=\"insufficient_scope\"", challenge);
        Assert.Contains("scope=\"mcp:tools\"", challenge);
        Assert.Contains("resource_metadata=\"https://gw.test/.well-known/oauth-protected-resource/mcp\"", challenge);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("insufficient_scope", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("initech")] // a value not in the accepted list
    [InlineData("ACME")] // claim values are compared exactly
    public async Task A_token_without_an_accepted_required_claim_is_refused(string tenant)
    {
        using var response = await GatewayCalls.BearerAsync(_http, TestTokens.Create(_rsa.Credentials, claims: Claims(tenant: tenant)));
        Assert.Equal("The token lacks the required claim 'tenant' (or has another value).", await ChallengeOf(response));
    }

    [Fact]
    public async Task A_token_with_an_oversized_subject_is_refused()
    {
        using var response = await GatewayCalls.BearerAsync(_http, TestTokens.Create(_rsa.Credentials, subject: new string('s', 257), claims: Claims()));
        Assert.Equal("The token's subject is too long.", await ChallengeOf(response));
    }

    [Fact]
    public async Task A_garbled_token_is_refused_as_malformed()
    {
        using var response = await GatewayCalls.BearerAsync(_http, "eyJhbGciOiJSUzI1NiJ9.not-base64!.x");
        await ChallengeOf(response);
    }
}
