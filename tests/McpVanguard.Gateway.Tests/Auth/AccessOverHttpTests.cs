using System.Text.Json;
using McpVanguard.Gateway.Auth;
using McpVanguard.Protocol;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>
/// Verified claims carried from a real HTTP request into the access policy, at the real gateway composed from one config
/// file (<c>auth:</c> and <c>access:</c>) in front of a real stdio server with three tools.
/// </summary>
public sealed class AccessOverHttpTests : IAsyncLifetime
{
    private const string CiKey = "ci-key-0123456789abcdef";
    private const string ListTools = """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""";

    private readonly SigningKey _key = SigningKey.Rsa("k1");
    private JwksTestServer _jwks = null!;
    private GatewayHarness _gateway = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _jwks = await JwksTestServer.StartAsync();
        _jwks.Publish(_key);
        _gateway = await GatewayHarness.StartFromConfigAsync($"""
            auth:
              resource: {TestTokens.Resource}
              api_keys:
                - name: ci
                  key_env: CI
              jwt:
                issuer: {TestTokens.Issuer}
                jwks_url: {_jwks.Url}
                role_claim: groups
            access:
              rules:
                - principals: [key:ci]
                  allow_tools: [read_*]
                - principals: [role:admin]
                  allow_tools: ["*"]
                  deny_tools: [delete_*]
            """, GatewayCalls.FileTools, new Dictionary<string, string> { ["CI"] = CiKey });
        _http = _gateway.NewHttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        await _jwks.DisposeAsync();
    }

    private static string Call(string tool) => """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":""" + JsonSerializer.Serialize(tool) + ""","arguments":{}}}""";

    private static List<string?> ToolNames(JsonElement answer)
        => answer.GetProperty("result").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();

    [Fact]
    public async Task An_api_key_caller_sees_and_calls_only_its_tools()
    {
        (string, string) key = ("X-API-Key", CiKey);
        var session = await GatewayCalls.InitializeAsync(_http, key);
        Assert.Equal(["read_file"], ToolNames(await GatewayCalls.RequestAsync(_http, session, ListTools, key)));

        var allowed = await GatewayCalls.RequestAsync(_http, session, Call("read_file"), key);
        Assert.Equal("called read_file", allowed.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());

        var error = (await GatewayCalls.RequestAsync(_http, session, Call("write_file"), key)).GetProperty("error");
        Assert.Equal(JsonRpcErrorCodes.PolicyBlocked, error.GetProperty("code").GetInt32());
        Assert.Equal("AUTHZ-001", error.GetProperty("data").GetProperty("rule_ids")[0].GetString());
    }

    [Fact]
    public async Task A_jwt_role_from_the_configured_claim_grants_its_rules()
    {
        (string, string) bearer = ("Authorization", "Bearer " + TestTokens.Create(_key.Credentials, claims: new Dictionary<string, object> { ["groups"] = new[] { "admin" } }));
        var session = await GatewayCalls.InitializeAsync(_http, bearer);
        Assert.Equal(["read_file", "write_file"], ToolNames(await GatewayCalls.RequestAsync(_http, session, ListTools, bearer)));
    }

    [Fact]
    public async Task Claims_a_token_merely_carries_grant_nothing()
    {
        // 'roles' is not the configured role claim, and the scheme and name claims are the gateway's own, not the token's.
        (string, string) bearer = ("Authorization", "Bearer " + TestTokens.Create(_key.Credentials, subject: "mallory", claims: new Dictionary<string, object>
        {
            ["roles"] = new[] { "admin" },
            [CallerClaims.SchemeClaim] = "api-key",
            ["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"] = "ci",
        }));
        var session = await GatewayCalls.InitializeAsync(_http, bearer);
        var refused = await GatewayCalls.RequestAsync(_http, session, Call("read_file"), bearer);
        Assert.Equal(JsonRpcErrorCodes.PolicyBlocked, refused.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Empty(ToolNames(await GatewayCalls.RequestAsync(_http, session, ListTools, bearer)));
    }
}
