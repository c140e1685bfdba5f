using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using McpVanguard.Gateway.Auth;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>API keys at the real gateway, composed from a config file and environment exactly as <c>vanguard serve</c> does.</summary>
public sealed class ApiKeyAuthenticationTests : IAsyncLifetime
{
    private const string CiKey = "ci-key-0123456789abcdef";
    private const string AliceKey = "alice-key-fedcba9876543210";
    private const string DefaultKey = "default-key-0011223344556677";

    private GatewayHarness _gateway = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        var aliceDigest = Convert.ToHexStringLower(GatewayAuthOptionsReader.Digest(AliceKey));
        _gateway = await GatewayHarness.StartFromConfigAsync($"""
            auth:
              api_keys:
                - name: ci
                  key_env: CI_KEY
                  roles: [deployer]
                  scopes: [tools:read]
                - name: alice
                  key_sha256: {aliceDigest}
            """, GatewayCalls.FileTools, new Dictionary<string, string> { ["CI_KEY"] = CiKey, ["VANGUARD_API_KEY"] = DefaultKey });
        _http = _gateway.NewHttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task No_credentials_get_401_with_a_pointer_to_the_resource_metadata()
    {
        using var response = await GatewayCalls.PingAsync(_http);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal($"resource_metadata=\"http://{_gateway.BaseUrl.Authority}/.well-known/oauth-protected-resource/mcp\"", challenge.Parameter);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("unauthorized", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("Authorization", "Bearer wrong-key-0123456789abcdef")]
    [InlineData("X-API-Key", "wrong-key-0123456789abcdef")]
    [InlineData("X-API-Key", "ci-key-0123456789abcdeF")] // one character off in case
    [InlineData("X-API-Key", "ci-key-0123456789abcde")] // a prefix of the real key
    public async Task A_wrong_key_gets_401_invalid_token_and_is_audited_without_the_key(string header, string value)
    {
        using var response = await GatewayCalls.PingAsync(_http, (header, value));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate).Parameter!;
        Assert.Contains("resource_metadata=\"", challenge);
        Assert.Contains("error=\"invalid_token\"", challenge);
        var presented = value.Replace("Bearer ", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(presented, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var record = Assert.Single(_gateway.Audit.Records, r => r.RuleIds.Contains(FailedAuthenticationGuard.RuleId));
        Assert.Equal(("block", "127.0.0.1"), (record.Verdict, record.Client));
        Assert.Contains("The API key is not valid.", record.Reason);
        Assert.DoesNotContain(presented, JsonSerializer.Serialize(record));
    }

    [Theory]
    [InlineData("X-API-Key", CiKey)]
    [InlineData("Authorization", "Bearer " + CiKey)]
    [InlineData("Authorization", "bearer " + CiKey)]
    public async Task A_key_from_its_variable_works_in_either_header_and_names_its_principal(string header, string value)
    {
        var session = await GatewayCalls.InitializeAsync(_http, (header, value));
        var caller = _gateway.Server.CallerOf(session)!;
        Assert.Equal(("ci", "api-key"), (caller.Name, caller.Scheme));
        Assert.Equal(["deployer"], caller.Roles);
        Assert.Equal(["tools:read"], caller.Scopes);
        Assert.DoesNotContain(_gateway.Audit.Records, r => r.RuleIds.Contains(FailedAuthenticationGuard.RuleId));
    }

    [Theory]
    [InlineData(AliceKey, "alice")]
    [InlineData(DefaultKey, "default")]
    public async Task A_hashed_key_and_the_single_variable_key_name_their_principals(string key, string name)
    {
        var session = await GatewayCalls.InitializeAsync(_http, ("X-API-Key", key));
        Assert.Equal(name, _gateway.Server.CallerOf(session)?.Name);
    }

    [Fact]
    public async Task A_session_is_found_only_by_the_principal_that_opened_it()
    {
        var session = await GatewayCalls.InitializeAsync(_http, ("X-API-Key", CiKey));
        using var stranger = await GatewayCalls.PostAsync(_http, """{"jsonrpc":"2.0","id":5,"method":"tools/list"}""", session, ("X-API-Key", AliceKey));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }

    [Fact]
    public async Task Two_key_headers_are_refused_rather_than_one_picked()
    {
        using var response = await GatewayCalls.PingAsync(_http, ("X-API-Key", CiKey), ("X-API-Key", AliceKey));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Another_authorization_scheme_counts_as_no_credentials()
    {
        using var response = await GatewayCalls.PingAsync(_http, ("Authorization", "Basic " + Convert.ToBase64String("ci:x"u8.ToArray())));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("error=", Assert.Single(response.Headers.WwwAuthenticate).Parameter);
    }
}
