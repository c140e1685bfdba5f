using McpVanguard.Audit;
using McpVanguard.Inspection;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Relay;

namespace McpVanguard.Fuzz.Targets;

/// <summary>
/// The JSON-RPC parser, the preflight walk and canonicalisation and every inspector, through the real relay in both
/// directions. Oracle: the parser answers a message or a violation (never both, never neither) and never throws; the
/// relay never throws and gives every frame an outcome (forwarded, or refused with a verdict that is not a plain allow).
/// </summary>
internal sealed class MessageTarget : IFuzzTarget
{
    private const int MaxDepth = 64;

    private readonly InspectionEngine _balanced = FuzzEngines.Create(Profile.Balanced);
    private readonly InspectionEngine _strict = FuzzEngines.Create(Profile.Strict);
    private readonly NullSink _sink = new();

    public string Name => "message";

    public void Run(ReadOnlySpan<byte> input)
    {
        var frame = input.ToArray();
        var parsed = McpMessageParser.TryParse(frame, MaxDepth, out var message, out var violation);
        using (message)
        {
            if (parsed != (message is not null) || parsed == (violation is not null))
            {
                throw new InvariantBrokenException($"TryParse returned {parsed} with message={message is not null}, violation={violation is not null}.");
            }
        }

        Check(Relay(_balanced).FromAgentAsync(frame, CancellationToken.None), "agent→server, balanced");
        Check(Relay(_strict).FromServerAsync(frame, CancellationToken.None), "server→agent, strict");
    }

    private McpRelay Relay(InspectionEngine engine)
        => new(engine, new RelaySession("fuzz", "fuzz", 64, TimeSpan.FromMinutes(5)), _sink, _sink, NullAuditSink.Instance);

    private static void Check(ValueTask<StepOutcome> step, string what)
    {
        var outcome = step.AsTask().GetAwaiter().GetResult();
        if (!outcome.Forwarded && outcome.Verdict.Kind == VerdictKind.Allow)
        {
            throw new InvariantBrokenException($"The relay ({what}) neither forwarded the frame nor refused it with a verdict.");
        }
    }

    private sealed class NullSink : IMessageSink
    {
        public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
