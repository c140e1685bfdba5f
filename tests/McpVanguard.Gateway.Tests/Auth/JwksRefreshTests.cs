using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>
/// <c>auth.jwt.jwks_refresh_s</c> at the real gateway: a key the issuer stops publishing (revoked) keeps working only until
/// the cached key set is older than the setting, then its tokens are refused. The gateway's clock is a manual one.
/// </summary>
public sealed class JwksRefreshTests : IAsyncLifetime
{
    private readonly SigningKey _kept = SigningKey.Rsa("kept");
    private readonly SigningKey _revoked = SigningKey.Rsa("revoked");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private JwksTestServer _jwks = null!;
    private GatewayHarness _gateway = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _jwks = await JwksTestServer.StartAsync();
        _jwks.Publish(_kept, _revoked);
        _gateway = await GatewayHarness.StartFromConfigAsync($"""
            auth:
              resource: {TestTokens.Resource}
              jwt:
                issuer: {TestTokens.Issuer}
                jwks_url: {_jwks.Url}
                jwks_refresh_s: 120
                jwks_min_refresh_s: 0
            """, GatewayCalls.FileTools, time: _clock);
        _http = _gateway.NewHttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        await _jwks.DisposeAsync();
    }

    private async Task<HttpStatusCode> PingWith(SigningKey key)
    {
        using var response = await GatewayCalls.BearerAsync(_http, TestTokens.Create(key.Credentials));
        return response.StatusCode;
    }

    [Fact]
    public async Task A_revoked_key_works_until_the_refresh_interval_has_passed_and_not_after()
    {
        Assert.Equal(HttpStatusCode.BadRequest, await PingWith(_revoked)); // through auth to the endpoint (no session yet)
        var fetches = _jwks.Fetches;

        _jwks.Publish(_kept);
        _clock.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal(HttpStatusCode.BadRequest, await PingWith(_revoked)); // the cached set is younger than 120 s
        Assert.Equal(fetches, _jwks.Fetches);

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Unauthorized, await PingWith(_revoked));
        Assert.Equal(fetches + 1, _jwks.Fetches);
        Assert.Equal(HttpStatusCode.BadRequest, await PingWith(_kept));
    }
}
