using McpVanguard.Gateway.Security;
using Microsoft.AspNetCore.Http;

namespace McpVanguard.Gateway.Tests;

public sealed class RequestOriginGuardTests
{
    private static async Task<int> CheckAsync(RequestOriginGuard guard, string host, string? origin = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Headers.Host = host;
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        context.Response.Body = new MemoryStream();
        return await guard.CheckAsync(context) ? 200 : context.Response.StatusCode;
    }

    [Theory]
    [InlineData("localhost:8080", 200)]
    [InlineData("127.0.0.1", 200)]
    [InlineData("[::1]:9", 200)]
    [InlineData("LOCALHOST:1", 200)]
    [InlineData("evil.example", 403)]
    [InlineData("localhost.evil.example", 403)]
    [InlineData("", 403)]
    public async Task LoopbackBoundAcceptsOnlyLoopbackHostNames(string host, int expected)
        => Assert.Equal(expected, await CheckAsync(new RequestOriginGuard([], originsConfigured: false, [], loopbackBound: true), host));

    [Fact]
    public async Task ConfiguredHostsReplaceTheDefaultAndMayPinAPort()
    {
        var guard = new RequestOriginGuard([], originsConfigured: false, ["mcp.example.com", "internal:8443"], loopbackBound: true);
        Assert.Equal(200, await CheckAsync(guard, "mcp.example.com:443"));
        Assert.Equal(200, await CheckAsync(guard, "internal:8443"));
        Assert.Equal(403, await CheckAsync(guard, "internal:8444"));
        Assert.Equal(403, await CheckAsync(guard, "localhost"));
    }

    [Fact]
    public async Task PublicBoundWithoutConfiguredHostsAcceptsAnyHostButNoBrowserOrigin()
    {
        var guard = new RequestOriginGuard([], originsConfigured: false, [], loopbackBound: false);
        Assert.Equal(200, await CheckAsync(guard, "10.0.0.5:8080"));
        Assert.Equal(403, await CheckAsync(guard, "10.0.0.5:8080", "http://localhost:3000"));
    }

    [Theory]
    [InlineData("https://app.example.com", 200)]
    [InlineData("https://app.example.com/", 403)] // not an origin: browsers never send a path
    [InlineData("http://app.example.com", 403)]
    [InlineData("https://app.example.com.evil.example", 403)]
    [InlineData("http://localhost:3000", 403)]
    public async Task ConfiguredOriginsReplaceTheLoopbackDefault(string origin, int expected)
    {
        var guard = new RequestOriginGuard(["https://app.example.com"], originsConfigured: false, [], loopbackBound: true);
        Assert.Equal(expected, await CheckAsync(guard, "localhost", origin));
    }

    [Fact]
    public async Task RequestsWithoutAnOriginComeFromNonBrowserClientsAndPass()
        => Assert.Equal(200, await CheckAsync(new RequestOriginGuard([], originsConfigured: false, [], loopbackBound: true), "localhost"));

    [Theory]
    [InlineData("http://localhost:3000", 403)] // another local web server: allowed by default, not under []
    [InlineData("http://127.0.0.1:5173", 403)]
    [InlineData("null", 403)]
    [InlineData("http://localhost:8080", 200)] // the gateway's own origin
    [InlineData("https://localhost:8080", 403)] // another scheme is another origin
    public async Task An_explicit_empty_origin_list_allows_no_browser_page_but_the_gateways_own(string origin, int expected)
    {
        var strict = new RequestOriginGuard([], originsConfigured: true, [], loopbackBound: true);
        Assert.Equal(expected, await CheckAsync(strict, "localhost:8080", origin));
        Assert.Equal(200, await CheckAsync(strict, "localhost:8080"));
    }

    [Fact]
    public async Task By_default_a_loopback_gateway_lets_any_local_page_call_it()
    {
        // The exposure the start-up warning names: a page from another local port is a loopback origin.
        var defaults = new RequestOriginGuard([], originsConfigured: false, [], loopbackBound: true);
        Assert.Equal(200, await CheckAsync(defaults, "localhost:8080", "http://localhost:3000"));
    }

    [Fact]
    public async Task With_any_host_accepted_the_own_origin_rule_does_not_let_a_rebinding_page_in()
    {
        // Public bind, no allowed_hosts: a rebinding page names itself in Host and Origin; only configured origins pass.
        var guard = new RequestOriginGuard([], originsConfigured: true, [], loopbackBound: false);
        Assert.Equal(403, await CheckAsync(guard, "evil.example:8080", "http://evil.example:8080"));
    }
}
