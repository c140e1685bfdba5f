using McpVanguard.Gateway.Security;
using Microsoft.AspNetCore.Http;

namespace McpVanguard.Gateway.Tests;

public sealed class RequestOriginGuardTests
{
    private static async Task<int> CheckAsync(RequestOriginGuard guard, string host, string? origin = null)
    {
        var context = new DefaultHttpContext();
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
        => Assert.Equal(expected, await CheckAsync(new RequestOriginGuard([], [], loopbackBound: true), host));

    [Fact]
    public async Task ConfiguredHostsReplaceTheDefaultAndMayPinAPort()
    {
        var guard = new RequestOriginGuard([], ["mcp.example.com", "internal:8443"], loopbackBound: true);
        Assert.Equal(200, await CheckAsync(guard, "mcp.example.com:443"));
        Assert.Equal(200, await CheckAsync(guard, "internal:8443"));
        Assert.Equal(403, await CheckAsync(guard, "internal:8444"));
        Assert.Equal(403, await CheckAsync(guard, "localhost"));
    }

    [Fact]
    public async Task PublicBoundWithoutConfiguredHostsAcceptsAnyHostButNoBrowserOrigin()
    {
        var guard = new RequestOriginGuard([], [], loopbackBound: false);
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
        var guard = new RequestOriginGuard(["https://app.example.com"], [], loopbackBound: true);
        Assert.Equal(expected, await CheckAsync(guard, "localhost", origin));
    }

    [Fact]
    public async Task RequestsWithoutAnOriginComeFromNonBrowserClientsAndPass()
        => Assert.Equal(200, await CheckAsync(new RequestOriginGuard([], [], loopbackBound: true), "localhost"));
}
