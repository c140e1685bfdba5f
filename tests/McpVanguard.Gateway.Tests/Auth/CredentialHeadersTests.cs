using McpVanguard.Gateway.Auth;
using Microsoft.AspNetCore.Http;

namespace McpVanguard.Gateway.Tests.Auth;

public sealed class CredentialHeadersTests
{
    [Theory]
    [InlineData("Authorization")]
    [InlineData("authorization")]
    [InlineData("X-API-Key")]
    [InlineData("x-api-key")]
    [InlineData("Cookie")]
    public void Credential_headers_are_recognised_in_any_case(string name) => Assert.True(CredentialHeaders.IsCredential(name));

    [Fact]
    public void Strip_removes_the_credentials_and_keeps_the_rest()
    {
        var headers = new HeaderDictionary
        {
            ["authorization"] = "Bearer secret-token",
            ["X-Api-Key"] = "secret-key",
            ["Mcp-Session-Id"] = "abc",
            ["Accept"] = "application/json",
        };
        CredentialHeaders.Strip(headers);
        Assert.Equal(["Mcp-Session-Id", "Accept"], headers.Keys);
    }
}
