using System.Text;
using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Tests.Relay;

public sealed class McpRelayTests
{
    private const string ReadReadme = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_file","arguments":{"path":"README.md"}}}""";

    [Fact]
    public async Task An_allowed_request_is_forwarded_byte_for_byte()
    {
        var h = new RelayHarness();
        const string odd = """{ "params" : {"arguments":{"path":"README.md"} , "name":"read_file"},"id":1,"method":"tools/call","jsonrpc":"2.0"  }""";
        var outcome = await h.FromAgent(odd);
        Assert.True(outcome.Forwarded);
        Assert.Equal(odd, Encoding.UTF8.GetString(Assert.Single(h.Server.Messages)));
        Assert.Empty(h.Agent.Messages);
    }

    [Fact]
    public async Task A_blocked_request_is_answered_with_a_policy_error_and_never_reaches_the_server()
    {
        var h = new RelayHarness();
        var outcome = await h.FromAgent("""{"jsonrpc":"2.0","id":"req-7","method":"tools/call","params":{"name":"read_file","arguments":{"path":"/etc/shadow"}}}""");
        Assert.Equal(VerdictKind.Block, outcome.Verdict.Kind);
        Assert.Empty(h.Server.Messages);
        var error = RelayHarness.Parse(Assert.Single(h.Agent.Messages));
        Assert.Equal("req-7", error.GetProperty("id").GetString());
        Assert.Equal(JsonRpcErrorCodes.PolicyBlocked, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("PATH-016", error.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("PATH-016", error.GetProperty("error").GetProperty("data").GetProperty("rule_ids")[0].GetString());
    }

    [Fact]
    public async Task A_blocked_notification_is_dropped_without_an_answer()
    {
        var h = new RelayHarness();
        var outcome = await h.FromAgent("""{"jsonrpc":"2.0","method":"notifications/roots/list_changed","params":{"path":"/tmp/a\u0000.png"}}""");
        Assert.False(outcome.Forwarded);
        Assert.Empty(h.Server.Messages);
        Assert.Empty(h.Agent.Messages);
    }

    [Fact]
    public async Task Monitor_forwards_what_balanced_blocks_and_marks_it_shadow_block()
    {
        var h = new RelayHarness(Profile.Monitor);
        var outcome = await h.FromAgent("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_file","arguments":{"path":"/etc/shadow"}}}""");
        Assert.Equal(VerdictKind.ShadowBlock, outcome.Verdict.Kind);
        Assert.True(outcome.Forwarded);
        Assert.Single(h.Server.Messages);
        Assert.Empty(h.Agent.Messages);
    }

    [Fact]
    public async Task Ids_are_compared_as_json_values()
    {
        var h = new RelayHarness();
        await h.FromAgent(ReadReadme.Replace("\"id\":1", "\"id\":0"));
        await h.FromAgent(ReadReadme.Replace("\"id\":1", "\"id\":\"0\""));
        Assert.Equal(2, h.Server.Messages.Count);

        Assert.True((await h.FromServer("""{"jsonrpc":"2.0","id":"0","result":{}}""")).Forwarded);
        Assert.True((await h.FromServer("""{"jsonrpc":"2.0","id":0,"result":{}}""")).Forwarded);

        // Each id was answered once; a second answer, or an answer to id 1, matches nothing in flight.
        Assert.False((await h.FromServer("""{"jsonrpc":"2.0","id":0,"result":{}}""")).Forwarded);
        Assert.False((await h.FromServer("""{"jsonrpc":"2.0","id":1,"result":{}}""")).Forwarded);
        Assert.Equal(2, h.Agent.Messages.Count);
    }

    [Fact]
    public async Task A_duplicate_id_in_flight_is_refused()
    {
        var h = new RelayHarness();
        await h.FromAgent(ReadReadme);
        var second = await h.FromAgent(ReadReadme);
        Assert.False(second.Forwarded);
        Assert.Single(h.Server.Messages);
        Assert.Equal(JsonRpcErrorCodes.LimitExceeded, RelayHarness.Parse(Assert.Single(h.Agent.Messages)).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task The_pending_table_is_bounded()
    {
        var h = new RelayHarness(maxPending: 3);
        for (var i = 0; i < 4; i++)
        {
            await h.FromAgent(ReadReadme.Replace("\"id\":1", $"\"id\":{i}"));
        }

        Assert.Equal(3, h.Server.Messages.Count);
        Assert.Single(h.Agent.Messages);
    }

    [Fact]
    public async Task Pending_requests_get_an_error_when_the_server_dies()
    {
        var h = new RelayHarness();
        await h.FromAgent(ReadReadme);
        await h.FromAgent(ReadReadme.Replace("\"id\":1", "\"id\":\"x\""));
        await h.Relay.FailPendingAsync("server exited", CancellationToken.None);
        Assert.Equal(2, h.Agent.Messages.Count);
        Assert.All(h.Agent.Messages, m => Assert.Equal(JsonRpcErrorCodes.UpstreamUnavailable, RelayHarness.Parse(m).GetProperty("error").GetProperty("code").GetInt32()));
    }

    [Theory]
    [InlineData("not json", JsonRpcErrorCodes.ParseError)]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("42", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":[\"read_file\"]}", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"method\":\"ping\"}", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":7}}", JsonRpcErrorCodes.InvalidParams)]
    public async Task Malformed_input_gets_a_clear_error_and_the_relay_keeps_working(string input, int code)
    {
        var h = new RelayHarness();
        var outcome = await h.FromAgent(input);
        Assert.False(outcome.Forwarded);
        Assert.Equal(code, RelayHarness.Parse(Assert.Single(h.Agent.Messages)).GetProperty("error").GetProperty("code").GetInt32());
        Assert.True((await h.FromAgent(ReadReadme)).Forwarded);
    }

    [Fact]
    public async Task Invalid_utf8_is_a_parse_error_with_a_null_id()
    {
        var h = new RelayHarness();
        var bytes = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":"AB"}}""");
        bytes[^5] = 0xC3;
        bytes[^4] = 0x28;
        await h.FromAgent(bytes);
        var error = RelayHarness.Parse(Assert.Single(h.Agent.Messages));
        Assert.Equal(JsonRpcErrorCodes.ParseError, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, error.GetProperty("id").ValueKind);
    }

    [Fact]
    public async Task An_oversized_frame_is_answered_with_a_limit_error()
    {
        var h = new RelayHarness();
        await h.Relay.OversizedAsync(Direction.AgentToServer, CancellationToken.None);
        Assert.Equal(JsonRpcErrorCodes.LimitExceeded, RelayHarness.Parse(Assert.Single(h.Agent.Messages)).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_server_initiated_request_is_correlated_with_the_agent_answer()
    {
        var h = new RelayHarness();
        Assert.True((await h.FromServer("""{"jsonrpc":"2.0","id":5,"method":"roots/list"}""")).Forwarded);
        Assert.True((await h.FromAgent("""{"jsonrpc":"2.0","id":5,"result":{"roots":[]}}""")).Forwarded);
        Assert.False((await h.FromAgent("""{"jsonrpc":"2.0","id":6,"result":{"roots":[]}}""")).Forwarded);
    }
}

public sealed class ArrayFormCommandTests
{
    [Fact]
    public async Task An_argv_array_is_also_inspected_as_one_command_line()
    {
        var h = new RelayHarness();
        var outcome = await h.FromAgent("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"shell_exec","arguments":{"cmd":"docker","args":["run","--privileged","-v","/:/host","ubuntu","chroot","/host"]}}}""");
        Assert.Equal(McpVanguard.Policy.VerdictKind.Block, outcome.Verdict.Kind);
    }

    [Fact]
    public async Task An_everyday_argv_array_passes()
    {
        var h = new RelayHarness();
        var outcome = await h.FromAgent("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"shell_exec","arguments":{"cmd":"git","args":["log","--oneline","-n","20"]}}}""");
        Assert.True(outcome.Forwarded);
        Assert.Equal(McpVanguard.Policy.VerdictKind.Allow, outcome.Verdict.Kind);
    }
}

public sealed class MonitorRelayTests
{
    [Fact]
    public async Task Monitor_forwards_malformed_input_and_unknown_responses_as_they_came()
    {
        var h = new RelayHarness(McpVanguard.Policy.Profile.Monitor);
        Assert.Equal(McpVanguard.Policy.VerdictKind.ShadowBlock, (await h.FromAgent("not json")).Verdict.Kind);
        Assert.Equal("not json", System.Text.Encoding.UTF8.GetString(Assert.Single(h.Server.Messages)));
        Assert.True((await h.FromServer("""{"jsonrpc":"2.0","id":99,"result":{}}""")).Forwarded);
        Assert.Single(h.Agent.Messages);
    }
}

public sealed class MonitorOversizeTests
{
    [Fact]
    public async Task Monitor_still_refuses_an_oversized_frame_because_it_was_never_held()
    {
        var h = new RelayHarness(McpVanguard.Policy.Profile.Monitor);
        var outcome = await h.Relay.OversizedAsync(McpVanguard.Protocol.Direction.AgentToServer, CancellationToken.None);
        Assert.Equal(McpVanguard.Policy.VerdictKind.Block, outcome.Verdict.Kind);
        Assert.False(outcome.Forwarded);
        Assert.Single(h.Agent.Messages);
    }
}
