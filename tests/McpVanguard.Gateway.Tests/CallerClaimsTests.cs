using System.Security.Claims;
using McpVanguard.Gateway.Security;

namespace McpVanguard.Gateway.Tests;

public sealed class CallerClaimsTests
{
    [Fact]
    public void AnAnonymousRequestHasNoCaller() => Assert.Null(CallerClaims.CallerFrom(new ClaimsPrincipal(new ClaimsIdentity())));

    [Fact]
    public void AVerifiedPrincipalBecomesTheCallerWithRolesAndScopes()
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "ci-bot"),
            new Claim(CallerClaims.SchemeClaim, "jwt"),
            new Claim(ClaimTypes.Role, "reader"),
            new Claim(ClaimTypes.Role, "deployer"),
            new Claim("scope", "mcp:tools mcp:read"),
            new Claim("scp", "mcp:write"),
        ], authenticationType: "Bearer");

        var caller = CallerClaims.CallerFrom(new ClaimsPrincipal(identity));

        Assert.NotNull(caller);
        Assert.Equal("ci-bot", caller.Name);
        Assert.Equal("jwt", caller.Scheme);
        Assert.Equal(["reader", "deployer"], caller.Roles);
        Assert.Equal(["mcp:tools", "mcp:read", "mcp:write"], caller.Scopes);
    }
}
