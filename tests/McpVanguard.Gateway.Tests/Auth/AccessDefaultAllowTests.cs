using System.Text.Json;
using McpVanguard.Protocol;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>
/// <c>access.default: allow</c> and the <c>servers:</c> globs of access rules, at the real gateway composed from one config
/// file in front of a real stdio server (id <c>fs</c>) with three tools.
/// </summary>
public sealed class AccessDefaultAllowTests : IAsyncLifetime
{
    private const string CiKey = "ci-key-0123456789abcdef";
    private const string ListTools = """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""";

    private GatewayHarness _gateway = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        // The first rule's glob names this server (f?), the second's another one (x*): only the first may count here.
        _gateway = await GatewayHarness.StartFromConfigAsync("""
            auth:
              api_keys:
                - name: ci
                  key_env: CI
            access:
              default: allow
              rules:
                - principals: [key:ci]
                  servers: ["f?"]
                  deny_tools: [delete_*]
                - principals: [key:ci]
                  servers: ["x*"]
                  deny_tools: [read_*]
            """, GatewayCalls.FileTools, new Dictionary<string, string> { ["CI"] = CiKey });
        _http = _gateway.NewHttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
    }

    private static string Call(string tool) => """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":""" + JsonSerializer.Serialize(tool) + ""","arguments":{}}}""";

    [Fact]
    public async Task Default_allow_lets_through_what_no_rule_denies_and_a_rule_counts_only_on_the_servers_its_glob_names()
    {
        (string, string) key = ("X-API-Key", CiKey);
        var session = await GatewayCalls.InitializeAsync(_http, key);

        var tools = (await GatewayCalls.RequestAsync(_http, session, ListTools, key)).GetProperty("result").GetProperty("tools")
            .EnumerateArray().Select(static t => t.GetProperty("name").GetString()).ToList();
        Assert.Equal(["read_file", "write_file"], tools);

        // No rule allows write_file: default allow does. read_file is denied only on servers matching x*, not on fs.
        foreach (var tool in new[] { "write_file", "read_file" })
        {
            var answer = await GatewayCalls.RequestAsync(_http, session, Call(tool), key);
            Assert.Equal("called " + tool, answer.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
        }

        var error = (await GatewayCalls.RequestAsync(_http, session, Call("delete_file"), key)).GetProperty("error");
        Assert.Equal(JsonRpcErrorCodes.PolicyBlocked, error.GetProperty("code").GetInt32());
        Assert.Equal("AUTHZ-001", error.GetProperty("data").GetProperty("rule_ids")[0].GetString());
    }
}
