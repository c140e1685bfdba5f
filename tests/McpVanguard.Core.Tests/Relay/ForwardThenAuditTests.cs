using System.Text;
using McpVanguard.Audit;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Transports;

namespace McpVanguard.Tests.Relay;

/// <summary>
/// A forwarded message's audit record follows its bytes (hop11): the record is built and queued after the write, on the
/// same thread, so it is off the message's way to the peer, yet one record per message, in message order, and never lost
/// (also when the write is cancelled). Blocks are unchanged: the refused sender's answer, then the record. A real relay and
/// pipeline; the inspectors are the test's, so each verdict is known.
/// </summary>
public sealed class ForwardThenAuditTests
{
    /// <summary>Warns on every message that mentions "warn-me"; throws on "throw-me".</summary>
    private sealed class ScriptedInspector : IInspector
    {
        public string Id => "SCRIPTED";

        public void Inspect(InspectionContext context, List<Finding> findings)
        {
            var text = Encoding.UTF8.GetString(context.Message.Raw.Span);
            if (text.Contains("throw-me", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("inspector bug");
            }

            if (text.Contains("warn-me", StringComparison.Ordinal))
            {
                findings.Add(new Finding("TEST-WARN", "L1", "MCP-00", Severity.Low, FindingAction.Warn, "scripted warning"));
            }
        }
    }

    /// <summary>One log of what both sides received and what the audit sink was given, in the order it happened.</summary>
    private sealed class EventLog
    {
        private readonly Lock _gate = new();

        public List<string> Events { get; } = [];

        public List<AuditRecord> Records { get; } = [];

        public void Add(string entry)
        {
            lock (_gate)
            {
                Events.Add(entry);
            }
        }

        public void Add(AuditRecord record)
        {
            lock (_gate)
            {
                Records.Add(record);
                Events.Add($"audit {record.Direction} {record.RequestId} {record.Verdict}");
            }
        }
    }

    private sealed class LoggingSink(EventLog log, string side, bool cancels = false) : IMessageSink
    {
        public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken)
        {
            if (cancels)
            {
                // A write that waited for room in a full pipe when the session was shut down.
                return ValueTask.FromCanceled(new CancellationToken(canceled: true));
            }

            log.Add($"{side} {message.Id.Json}{(message.IsError ? " error" : string.Empty)}");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class LoggingAuditSink(EventLog log) : IAuditSink
    {
        public void Write(AuditRecord record) => log.Add(record);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static McpRelay Relay(EventLog log, Profile profile = Profile.Balanced, bool auditAllows = false, bool serverCancels = false)
    {
        var composer = new PolicyComposer(profile);
        var engine = new InspectionEngine(
            new PreflightLimits(),
            new InspectionPipeline([new ScriptedInspector()], composer, TimeSpan.FromSeconds(10)),
            new InspectionPipeline([new ScriptedInspector()], composer, TimeSpan.FromSeconds(10)));
        return new McpRelay(engine, new RelaySession("s", "default", 64, TimeSpan.FromMinutes(5)), new LoggingSink(log, "agent"), new LoggingSink(log, "server", serverCancels), new LoggingAuditSink(log), auditAllows);
    }

    private static byte[] Call(int id, string text)
        => Encoding.UTF8.GetBytes($$$$"""{"jsonrpc":"2.0","id":{{{{id}}}},"method":"tools/call","params":{"name":"echo","arguments":{"message":"{{{{text}}}}"}}}""");

    private static byte[] Answer(int id, string text)
        => Encoding.UTF8.GetBytes($$$"""{"jsonrpc":"2.0","id":{{{id}}},"result":{"content":[{"type":"text","text":"{{{text}}}"}]}}""");

    [Fact]
    public async Task A_warned_call_and_its_answer_are_each_audited_once_right_after_they_are_forwarded_in_call_order()
    {
        var log = new EventLog();
        var relay = Relay(log);
        for (var id = 1; id <= 5; id++)
        {
            Assert.True((await relay.FromAgentAsync(Call(id, $"warn-me {id}"), CancellationToken.None)).Forwarded);
            Assert.True((await relay.FromServerAsync(Answer(id, $"warn-me {id}"), CancellationToken.None)).Forwarded);
        }

        var expected = Enumerable.Range(1, 5).SelectMany(id => new[]
        {
            $"server {id}", $"audit agent_to_server {id} warn",
            $"agent {id}", $"audit server_to_agent {id} warn",
        });
        Assert.Equal(expected, log.Events);
        Assert.All(log.Records, r => Assert.Equal(["TEST-WARN"], r.RuleIds));
        // The record still says what was decided about the message as it was before it left: its arguments' hash.
        Assert.All(log.Records.Where(r => r.Direction == "agent_to_server"), r => Assert.NotNull(r.ArgumentsSha256));
    }

    [Fact]
    public async Task With_allows_audited_every_forwarded_message_has_one_record_after_its_bytes()
    {
        var log = new EventLog();
        var relay = Relay(log, auditAllows: true);
        for (var id = 1; id <= 3; id++)
        {
            await relay.FromAgentAsync(Call(id, $"hello {id}"), CancellationToken.None);
            await relay.FromServerAsync(Answer(id, $"hello {id}"), CancellationToken.None);
        }

        Assert.Equal(
            Enumerable.Range(1, 3).SelectMany(id => new[] { $"server {id}", $"audit agent_to_server {id} allow", $"agent {id}", $"audit server_to_agent {id} allow" }),
            log.Events);
    }

    [Fact]
    public async Task A_write_cancelled_while_it_waits_still_leaves_the_record_of_its_verdict()
    {
        var log = new EventLog();
        var relay = Relay(log, serverCancels: true);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await relay.FromAgentAsync(Call(7, "warn-me"), CancellationToken.None));

        var record = Assert.Single(log.Records);
        Assert.Equal(("agent_to_server", "7", "warn"), (record.Direction, record.RequestId, record.Verdict));
    }

    [Theory]
    [InlineData(Profile.Balanced)]
    [InlineData(Profile.Strict)]
    public async Task An_inspector_that_throws_fails_the_message_closed_the_sender_is_answered_then_it_is_audited(Profile profile)
    {
        var log = new EventLog();
        var relay = Relay(log, profile);
        var outcome = await relay.FromAgentAsync(Call(3, "throw-me"), CancellationToken.None);
        Assert.False(outcome.Forwarded);
        await relay.FromAgentAsync(Call(4, "hello"), CancellationToken.None);

        // Nothing of the failed call reached the server; the next call did, after the refusal and its record.
        Assert.Equal(["agent 3 error", "audit agent_to_server 3 block", "server 4"], log.Events);
        Assert.Equal([InspectionPipeline.InspectorFailedRule], log.Records[0].RuleIds);
    }

    [Fact]
    public async Task An_answer_whose_inspection_throws_is_withheld_and_its_requester_gets_an_error()
    {
        var log = new EventLog();
        var relay = Relay(log);
        await relay.FromAgentAsync(Call(5, "hello"), CancellationToken.None);
        var outcome = await relay.FromServerAsync(Answer(5, "throw-me"), CancellationToken.None);

        Assert.False(outcome.Forwarded);
        Assert.Equal(["server 5", "agent 5 error", "audit server_to_agent 5 block"], log.Events);
    }

    [Fact]
    public async Task Through_the_relay_loop_and_a_real_writer_answers_keep_the_servers_order_and_each_has_its_record()
    {
        var log = new EventLog();
        var toAgent = new MemoryStream();
        var composer = new PolicyComposer(Profile.Balanced);
        var engine = new InspectionEngine(
            new PreflightLimits(),
            new InspectionPipeline([new ScriptedInspector()], composer, TimeSpan.FromSeconds(10)),
            new InspectionPipeline([new ScriptedInspector()], composer, TimeSpan.FromSeconds(10)));
        var agent = new StreamMessageWriter(toAgent);
        var relay = new McpRelay(engine, new RelaySession("s", "default", 64, TimeSpan.FromMinutes(5)), agent, new LoggingSink(log, "server"), new LoggingAuditSink(log), auditAllows: true);

        const int Calls = 40;
        var requests = new MemoryStream([.. Enumerable.Range(1, Calls).SelectMany(id => Call(id, id % 3 == 0 ? $"warn-me {id}" : $"hello {id}").Append((byte)'\n'))]);
        await RelayLoop.PumpAsync(LineFramer.ReadAsync(requests, relay.MaxMessageBytes, CancellationToken.None), relay, Direction.AgentToServer, CancellationToken.None);

        // The server answers out of request order (JSON-RPC matches by id): the agent must get them in the server's order.
        var order = Enumerable.Range(1, Calls).Reverse().ToList();
        var answers = new MemoryStream([.. order.SelectMany(id => Answer(id, $"echo {id}").Append((byte)'\n'))]);
        await RelayLoop.PumpAsync(LineFramer.ReadAsync(answers, relay.MaxMessageBytes, CancellationToken.None), relay, Direction.ServerToAgent, CancellationToken.None);
        await agent.DisposeAsync();

        var delivered = Encoding.UTF8.GetString(toAgent.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(order, delivered);
        Assert.Equal(Enumerable.Range(1, Calls).Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)), log.Records.Where(r => r.Direction == "agent_to_server").Select(r => r.RequestId));
        Assert.Equal(order.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)), log.Records.Where(r => r.Direction == "server_to_agent").Select(r => r.RequestId));
        Assert.Equal(Calls / 3, log.Records.Count(r => r.Direction == "agent_to_server" && r.Verdict == "warn"));
    }
}
