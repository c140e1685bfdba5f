using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using McpVanguard.Audit;
using McpVanguard.Configuration;
using McpVanguard.Gateway.Auth;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Access;
using McpVanguard.Inspection.Rules;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Replay;
using Microsoft.AspNetCore.Http;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>
/// Verified claims carried from a real HTTP request into the relay's access policy: a stand-in transport hands the
/// caller to a <see cref="RelaySession"/> and answers <c>tools/list</c> from a canned server.
/// </summary>
public sealed class AccessOverHttpTests : IAsyncLifetime
{
    private const string CiKey = "ci-key-0123456789abcdef";
    private const string ServerTools = """{"tools":[{"name":"read_file"},{"name":"write_file"},{"name":"delete_file"}]}""";

    /// <summary>Built once for the class: warming the rules up is the slow part.</summary>
    private static readonly Lazy<InspectionEngine> Engine = new(() =>
    {
        var stream = new YamlStream();
        stream.Load(new StringReader("""
            access:
              rules:
                - principals: [key:ci]
                  allow_tools: [read_*]
                - principals: [role:admin]
                  allow_tools: ["*"]
                  deny_tools: [delete_*]
            """));
        var policy = AccessPolicyReader.Read(((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("access")], "vanguard.yaml");
        var options = ConfigurationLoader.Load(new Dictionary<string, object> { ["audit.log"] = Path.Combine(Path.GetTempPath(), "vanguard-gw-test-audit.jsonl") }, new Dictionary<string, string>(), null, []);
        var engine = InspectionEngine.Create(options, RuleLoader.Load(null), policy);
        return engine;
    });

    private readonly SigningKey _key = SigningKey.Rsa("k1");
    private JwksTestServer _jwks = null!;
    private AuthTestServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _jwks = await JwksTestServer.StartAsync();
        _jwks.Publish(_key);
        var auth = TestTokens.Options($"""
            auth:
              resource: {TestTokens.Resource}
              api_keys:
                - name: ci
                  key_env: CI
              jwt:
                issuer: {TestTokens.Issuer}
                jwks_url: {_jwks.Url}
                role_claim: groups
            """, new Dictionary<string, string> { ["CI"] = CiKey });
        _server = await AuthTestServer.StartAsync(auth, RelayAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _jwks.DisposeAsync();
    }

    /// <summary>One message through a fresh relay session whose caller is the request's verified principal.</summary>
    private async Task<IResult> RelayAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var agent = new CollectingSink();
        var server = new CollectingSink();
        var session = new RelaySession(RelaySession.NewId(), "fs", 16, TimeSpan.FromMinutes(1)) { Caller = CallerClaims.CallerFrom(context.User) };
        var relay = new McpRelay(Engine.Value, session, agent, server, NullAuditSink.Instance);
        await relay.FromAgentAsync(body.ToArray(), context.RequestAborted);
        if (server.Messages.Count == 1)
        {
            var request = JsonDocument.Parse(server.Messages[0]).RootElement;
            var result = request.GetProperty("method").GetString() == "tools/list" ? ServerTools : """{"content":[]}""";
            var answer = $$"""{"jsonrpc":"2.0","id":{{request.GetProperty("id").GetRawText()}},"result":{{result}}}""";
            await relay.FromServerAsync(Encoding.UTF8.GetBytes(answer), context.RequestAborted);
        }

        return Results.Text(Encoding.UTF8.GetString(agent.Messages.Single()), "application/json");
    }

    private static object Call(string tool) => new { jsonrpc = "2.0", id = 2, method = "tools/call", @params = new { name = tool, arguments = new { } } };

    private static readonly object ListTools = new { jsonrpc = "2.0", id = 1, method = "tools/list" };

    private static async Task<JsonElement> Answer(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static List<string?> ToolNames(JsonElement answer)
        => answer.GetProperty("result").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();

    [Fact]
    public async Task An_api_key_caller_sees_and_calls_only_its_tools()
    {
        using var list = await _server.PostAsync(ListTools, ("X-API-Key", CiKey));
        Assert.Equal(["read_file"], ToolNames(await Answer(list)));

        using var allowed = await _server.PostAsync(Call("read_file"), ("X-API-Key", CiKey));
        Assert.True((await Answer(allowed)).TryGetProperty("result", out _));

        using var refused = await _server.PostAsync(Call("write_file"), ("X-API-Key", CiKey));
        var error = (await Answer(refused)).GetProperty("error");
        Assert.Equal(JsonRpcErrorCodes.PolicyBlocked, error.GetProperty("code").GetInt32());
        Assert.Equal("AUTHZ-001", error.GetProperty("data").GetProperty("rule_ids")[0].GetString());
    }

    [Fact]
    public async Task A_jwt_role_from_the_configured_claim_grants_its_rules()
    {
        var token = TestTokens.Create(_key.Credentials, claims: new Dictionary<string, object> { ["groups"] = new[] { "admin" } });
        using var list = await _server.PostAsync(ListTools, ("Authorization", "Bearer " + token));
        Assert.Equal(["read_file", "write_file"], ToolNames(await Answer(list)));
    }

    [Fact]
    public async Task Claims_a_token_merely_carries_grant_nothing()
    {
        // 'roles' is not the configured role claim, and the scheme and name claims are the gateway's own, not the token's.
        var token = TestTokens.Create(_key.Credentials, subject: "mallory", claims: new Dictionary<string, object>
        {
            ["roles"] = new[] { "admin" },
            [CallerClaims.SchemeClaim] = "api-key",
            ["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"] = "ci",
        });
        using var whoami = await _server.PostAsync(Call("read_file"), ("Authorization", "Bearer " + token));
        Assert.Equal(JsonRpcErrorCodes.PolicyBlocked, (await Answer(whoami)).GetProperty("error").GetProperty("code").GetInt32());

        using var list = await _server.PostAsync(ListTools, ("Authorization", "Bearer " + token));
        Assert.Empty(ToolNames(await Answer(list)));
    }
}
