using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using McpVanguard.Gateway.Auth;

namespace McpVanguard.Gateway.Tests.Auth;

public sealed class ApiKeyAuthenticationTests : IAsyncLifetime
{
    private const string CiKey = "ci-key-0123456789abcdef";
    private const string AliceKey = "alice-key-fedcba9876543210";
    private const string DefaultKey = "default-key-0011223344556677";

    private AuthTestServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        var aliceDigest = Convert.ToHexStringLower(GatewayAuthOptionsReader.Digest(AliceKey));
        var options = TestTokens.Options($"""
            auth:
              api_keys:
                - name: ci
                  key_env: CI_KEY
                  roles: [deployer]
                  scopes: [tools:read]
                - name: alice
                  key_sha256: {aliceDigest}
            """, new Dictionary<string, string> { ["CI_KEY"] = CiKey, ["VANGUARD_API_KEY"] = DefaultKey });
        _server = await AuthTestServer.StartAsync(options);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task No_credentials_get_401_with_a_pointer_to_the_resource_metadata()
    {
        using var response = await _server.CallAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal($"resource_metadata=\"http://{_server.Address.Authority}/.well-known/oauth-protected-resource/mcp\"", challenge.Parameter);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("unauthorized", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("Authorization", "Bearer wrong-key-0123456789abcdef")]
    [InlineData("X-API-Key", "wrong-key-0123456789abcdef")]
    [InlineData("X-API-Key", "ci-key-0123456789abcdeF")] // one character off in case
    [InlineData("X-API-Key", "ci-key-0123456789abcde")] // a prefix of the real key
    public async Task A_wrong_key_gets_401_invalid_token(string header, string value)
    {
        using var response = await _server.CallAsync((header, value));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate).Parameter!;
        Assert.Contains("resource_metadata=\"", challenge);
        Assert.Contains("error=\"invalid_token\"", challenge);
        Assert.DoesNotContain(value.Replace("Bearer ", string.Empty), await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("X-API-Key", CiKey)]
    [InlineData("Authorization", "Bearer " + CiKey)]
    [InlineData("Authorization", "bearer " + CiKey)]
    public async Task A_key_from_its_variable_works_in_either_header(string header, string value)
    {
        using var response = await _server.CallAsync((header, value));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caller = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("ci", caller.GetProperty("name").GetString());
        Assert.Equal("api-key", caller.GetProperty("scheme").GetString());
        Assert.Equal("deployer", caller.GetProperty("roles")[0].GetString());
        Assert.Equal("tools:read", caller.GetProperty("scopes")[0].GetString());
    }

    [Theory]
    [InlineData(AliceKey, "alice")]
    [InlineData(DefaultKey, "default")]
    public async Task A_hashed_key_and_the_single_variable_key_name_their_principals(string key, string name)
    {
        using var response = await _server.CallAsync(("X-API-Key", key));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Two_key_headers_are_refused_rather_than_one_picked()
    {
        using var response = await _server.CallAsync(("X-API-Key", CiKey), ("X-API-Key", AliceKey));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Another_authorization_scheme_counts_as_no_credentials()
    {
        using var response = await _server.CallAsync(("Authorization", "Basic " + Convert.ToBase64String("ci:x"u8.ToArray())));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("error=", Assert.Single(response.Headers.WwwAuthenticate).Parameter);
    }
}
