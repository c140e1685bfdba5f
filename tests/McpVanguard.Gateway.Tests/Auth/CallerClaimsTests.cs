using System.Security.Claims;
using McpVanguard.Gateway.Auth;

namespace McpVanguard.Gateway.Tests.Auth;

public sealed class CallerClaimsTests
{
    [Fact]
    public void An_anonymous_request_has_no_caller() => Assert.Null(CallerClaims.CallerFrom(new ClaimsPrincipal(new ClaimsIdentity())));

    [Fact]
    public void A_principal_made_by_the_handlers_becomes_the_caller_with_its_roles_and_scopes()
    {
        var principal = CallerClaims.Create("ci-bot", CallerClaims.JwtScheme, ["reader", "deployer", "reader"], ["mcp:tools", "mcp:read"]);
        var caller = CallerClaims.CallerFrom(principal)!;
        Assert.Equal(("ci-bot", "jwt"), (caller.Name, caller.Scheme));
        Assert.Equal(["reader", "deployer"], caller.Roles);
        Assert.Equal(["mcp:tools", "mcp:read"], caller.Scopes);
        Assert.Equal("jwt:ci-bot", CallerClaims.LimitKey(principal));
    }

    [Fact]
    public void An_authenticated_identity_not_made_by_the_gateways_handlers_is_no_caller()
    {
        // Authenticated by some other scheme, with a name and a role: nothing the gateway verified, so nothing for policy.
        var foreign = new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, "admin")], "Cookies");
        Assert.Null(CallerClaims.CallerFrom(new ClaimsPrincipal(foreign)));
        Assert.Null(CallerClaims.LimitKey(new ClaimsPrincipal(foreign)));
    }
}
