using McpVanguard.Configuration;
using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.Hosting;
using McpVanguard.Gateway.Security;

namespace McpVanguard.Gateway.Tests;

/// <summary>The gateway's one loopback test (bind address, Origin check, plain-http URLs) and the start-up warnings built on it.</summary>
public sealed class LoopbackAddressTests
{
    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LocalHost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)] // all of 127.0.0.0/8
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("0.0.0.0", false)] // every interface
    [InlineData("::", false)]
    [InlineData("10.0.0.5", false)]
    [InlineData("localhost.evil.example", false)] // a name is trusted only as exactly localhost
    [InlineData("127.0.0.1.nip.io", false)]
    public void Only_this_machine_is_loopback(string host, bool expected) => Assert.Equal(expected, LoopbackAddress.IsLoopback(host));

    [Theory]
    [InlineData("http://127.0.0.1:8080/jwks", true)]
    [InlineData("http://[::1]/jwks", true)]
    [InlineData("http://localhost/jwks", true)]
    [InlineData("http://login.example/jwks", false)]
    public void A_url_is_loopback_by_its_host(string url, bool expected) => Assert.Equal(expected, LoopbackAddress.IsLoopback(new Uri(url)));

    private static GatewaySettings Settings(string host, bool originsConfigured) => new()
    {
        Host = host,
        Port = 8080,
        AllowedOrigins = [],
        AllowedOriginsConfigured = originsConfigured,
        AllowedHosts = [],
        MaxSessions = 100,
        SessionIdleTimeout = TimeSpan.FromMinutes(10),
        MaxConcurrentRequests = 16,
        MaxBodyBytes = 4096,
        UpstreamTimeout = TimeSpan.FromMinutes(5),
        WarmPool = 0,
    };

    private static readonly GatewayAuthOptions WithKey = new() { ApiKeys = [new ApiKeyCredential("ci", new byte[32], [], [])] };

    [Fact]
    public void Loopback_without_auth_warns_that_local_pages_may_call_unless_origins_are_configured()
    {
        Assert.Contains("any web page", Assert.Single(GatewayExposure.Warnings(Settings("127.0.0.1", originsConfigured: false), new GatewayAuthOptions())), StringComparison.Ordinal);
        Assert.Empty(GatewayExposure.Warnings(Settings("127.0.0.1", originsConfigured: true), new GatewayAuthOptions()));
        Assert.Empty(GatewayExposure.Warnings(Settings("127.0.0.1", originsConfigured: false), WithKey));
    }

    [Fact]
    public void A_public_address_without_auth_is_the_louder_warning()
    {
        Assert.True(GatewayExposure.IsPublicWithoutAuthentication(Settings("0.0.0.0", false), new GatewayAuthOptions()));
        Assert.Contains("anyone who can reach", Assert.Single(GatewayExposure.Warnings(Settings("0.0.0.0", true), new GatewayAuthOptions())), StringComparison.Ordinal);
        Assert.False(GatewayExposure.IsPublicWithoutAuthentication(Settings("0.0.0.0", false), WithKey));
    }
}
