using System.Text;
using McpVanguard.Audit;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Relay;
using McpVanguard.Transports;

namespace McpVanguard.Tests.Relay;

/// <summary>
/// A tool withheld from a list is quarantined before the list reaches the agent: the agent's next call, read on the other
/// direction's thread, can arrive as soon as the bytes are written and must already find the tool refused.
/// </summary>
public sealed class QuarantineBeforeForwardTests
{
    private const string Tool = "daily_quote";

    /// <summary>Withholds <see cref="Tool"/> (redact) or refuses the whole answer (block), quarantining the tool either way.</summary>
    private sealed class WithholdingInspector : IInspector
    {
        public string Id => "WITHHOLD";

        public void Inspect(InspectionContext context, List<Finding> findings)
        {
            var text = Encoding.UTF8.GetString(context.Message.Raw.Span);
            var action = text.Contains("block-me", StringComparison.Ordinal) ? FindingAction.Block
                : text.Contains("redact-me", StringComparison.Ordinal) ? FindingAction.Redact
                : (FindingAction?)null;
            if (action is { } act)
            {
                findings.Add(new Finding("TEST-PIN", "L1", "MCP-16", Severity.High, act, "scripted rug pull")
                {
                    QuarantineTool = Tool,
                    Edit = act == FindingAction.Redact ? MessageEdit.Remove("/result/tools/0") : null,
                });
            }
        }
    }

    /// <summary>Notes, at the moment of each write, whether the session already refuses the tool.</summary>
    private sealed class CheckingSink(RelaySession session, List<bool> quarantinedAtWrite) : IMessageSink
    {
        public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken)
        {
            quarantinedAtWrite.Add(session.Quarantine.Contains("default", Tool));
            return ValueTask.CompletedTask;
        }
    }

    [Theory]
    [InlineData("redact-me", true)]
    [InlineData("block-me", false)]
    public async Task The_tool_is_refused_before_the_agent_gets_the_answer_that_withholds_it(string marker, bool forwarded)
    {
        var session = new RelaySession("s", "default", 64, TimeSpan.FromMinutes(5));
        var atAgentWrite = new List<bool>();
        var composer = new PolicyComposer(Profile.Balanced);
        var engine = new InspectionEngine(
            new PreflightLimits(),
            new InspectionPipeline([new WithholdingInspector()], composer, TimeSpan.FromSeconds(10)),
            new InspectionPipeline([new WithholdingInspector()], composer, TimeSpan.FromSeconds(10)));
        var relay = new McpRelay(engine, session, new CheckingSink(session, atAgentWrite), new CheckingSink(session, []), NullAuditSink.Instance);

        await relay.FromAgentAsync(Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}"""), CancellationToken.None);
        var outcome = await relay.FromServerAsync(Encoding.UTF8.GetBytes($$$"""{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"{{{Tool}}}"}],"note":"{{{marker}}}"}}"""), CancellationToken.None);

        Assert.Equal(forwarded, outcome.Forwarded);
        Assert.Equal([true], atAgentWrite);
    }
}
