using System.Text;
using System.Text.Json;
using McpVanguard.Audit;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Replay;
using McpVanguard.Sessions;
using Xunit;

namespace McpVanguard.Tests.Inspection.Access;

/// <summary>The access policy wired by <see cref="InspectionEngine.Create"/> into both pipelines of a real relay.</summary>
public sealed class AccessThroughRelayTests
{
    private static readonly IReadOnlyList<Rule> Rules = RuleLoader.Load(null);

    private static (McpRelay Relay, CollectingSink Agent, CollectingSink Server) Relay(CallerIdentity? caller)
    {
        var policy = AccessPolicyReaderTests.Read("access:\n  rules:\n    - principals: [key:ci]\n      allow_tools: [echo]\n");
        var engine = InspectionEngine.Create(TestEngine.Options(), Rules, policy);
        var agent = new CollectingSink();
        var server = new CollectingSink();
        var session = new RelaySession("s", "default", 16, TimeSpan.FromMinutes(1)) { Caller = caller };
        return (new McpRelay(engine, session, agent, server, NullAuditSink.Instance), agent, server);
    }

    private static ValueTask<StepOutcome> Send(Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask<StepOutcome>> side, string json)
        => side(Encoding.UTF8.GetBytes(json), CancellationToken.None);

    [Fact]
    public async Task A_forbidden_call_is_refused_with_a_policy_error_and_never_reaches_the_server()
    {
        var (relay, agent, server) = Relay(new CallerIdentity("ci", "api-key", [], []));
        var outcome = await Send(relay.FromAgentAsync, """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"add","arguments":{"a":1,"b":2}}}""");
        Assert.Equal(VerdictKind.Block, outcome.Verdict.Kind);
        Assert.Empty(server.Messages);
        var error = JsonDocument.Parse(Assert.Single(agent.Messages)).RootElement.GetProperty("error");
        Assert.Equal(JsonRpcErrorCodes.PolicyBlocked, error.GetProperty("code").GetInt32());
        Assert.Equal("AUTHZ-001", error.GetProperty("data").GetProperty("rule_ids")[0].GetString());
    }

    [Fact]
    public async Task The_tools_list_answer_reaches_the_caller_without_forbidden_tools()
    {
        var (relay, agent, server) = Relay(new CallerIdentity("ci", "api-key", [], []));
        await Send(relay.FromAgentAsync, """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""");
        Assert.Single(server.Messages);
        var outcome = await Send(relay.FromServerAsync, """{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"add"},{"name":"echo"},{"name":"printEnv"}]}}""");
        Assert.Equal(VerdictKind.Redact, outcome.Verdict.Kind);
        var tools = JsonDocument.Parse(Assert.Single(agent.Messages)).RootElement.GetProperty("result").GetProperty("tools");
        Assert.Equal(["echo"], tools.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_stdio_session_gets_the_list_byte_for_byte()
    {
        var (relay, agent, _) = Relay(null);
        await Send(relay.FromAgentAsync, """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""");
        const string answer = """{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"add"},{"name":"echo"}]}}""";
        await Send(relay.FromServerAsync, answer);
        Assert.Equal(answer, Encoding.UTF8.GetString(Assert.Single(agent.Messages)));
    }
}
