using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>
/// The <c>auth.jwt</c> settings no other test changes from their defaults, each proven at the real gateway: an audience
/// list, the algorithm list, <c>clock_skew_s</c>, <c>subject_claim</c> and <c>scopes_supported</c>.
/// </summary>
public sealed class JwtSettingsTests : IAsyncLifetime
{
    private const string Secret = "a-shared-secret-long-enough-for-hs384-0123456789abcdef0123456789";
    private const string OtherAudience = "https://api.test/";

    private GatewayHarness _gateway = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _gateway = await GatewayHarness.StartFromConfigAsync($"""
            auth:
              resource: {TestTokens.Resource}
              scopes_supported: [mcp:tools, mcp:admin]
              jwt:
                issuer: {TestTokens.Issuer}
                audience: [{OtherAudience}, {TestTokens.Resource}]
                secret_env: JWT_SECRET
                algorithms: [HS384]
                clock_skew_s: 0
                subject_claim: email
            """, GatewayCalls.FileTools, new Dictionary<string, string> { ["JWT_SECRET"] = Secret });
        _http = _gateway.NewHttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
    }

    private static SigningCredentials Hmac(string algorithm) => new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)), algorithm);

    private static Dictionary<string, object> Email => new() { ["email"] = "alice@example.test" };

    [Fact]
    public async Task Any_configured_audience_is_accepted_and_the_subject_comes_from_the_configured_claim()
    {
        var token = TestTokens.Create(Hmac(SecurityAlgorithms.HmacSha384), audience: OtherAudience, claims: Email);
        var session = await GatewayCalls.InitializeAsync(_http, ("Authorization", "Bearer " + token));
        Assert.Equal("alice@example.test", _gateway.Server.CallerOf(session)?.Name);
    }

    [Fact]
    public async Task A_token_without_the_subject_claim_is_refused()
    {
        using var response = await GatewayCalls.BearerAsync(_http, TestTokens.Create(Hmac(SecurityAlgorithms.HmacSha384)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_algorithm_outside_the_list_is_refused_even_with_the_right_secret()
    {
        using var response = await GatewayCalls.BearerAsync(_http, TestTokens.Create(Hmac(SecurityAlgorithms.HmacSha256), claims: Email));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task With_no_clock_skew_a_token_expired_seconds_ago_is_refused()
    {
        // Ten seconds past expiry: inside the default 30 s of skew, outside the configured 0.
        using var response = await GatewayCalls.BearerAsync(_http, TestTokens.Create(Hmac(SecurityAlgorithms.HmacSha384), expiresIn: TimeSpan.FromSeconds(-10), claims: Email));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_metadata_advertises_the_configured_scopes()
    {
        var document = await _http.GetFromJsonAsync<JsonElement>("/.well-known/oauth-protected-resource", TestContext.Current.CancellationToken);
        Assert.Equal(["mcp:tools", "mcp:admin"], document.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
    }
}
