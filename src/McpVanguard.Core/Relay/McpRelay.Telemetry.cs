using McpVanguard.Protocol;
using McpVanguard.Telemetry;

namespace McpVanguard.Relay;

/// <summary>The relay's entry into telemetry: unobserved traffic goes straight to the relay step.</summary>
public sealed partial class McpRelay
{
    private ValueTask<StepOutcome> HandleAsync(InboundMessage inbound, Direction direction, object? replyTo, CancellationToken cancellationToken)
        => VanguardTelemetry.RelayObserved
            ? ObservedAsync(inbound, direction, replyTo, cancellationToken)
            : RelayAsync(inbound, direction, replyTo, null, cancellationToken);

    /// <summary>One message with its span, layer timings and counts (docs/TELEMETRY.md).</summary>
    private async ValueTask<StepOutcome> ObservedAsync(InboundMessage inbound, Direction direction, object? replyTo, CancellationToken cancellationToken)
    {
        // Read before the relay step: it disposes the message.
        var message = inbound.Message;
        var tool = message?.ToolName;
        var id = message?.Id ?? inbound.Violation?.Id;
        var trace = MessageTelemetry.Begin(direction, message?.Method ?? inbound.Violation?.Method, _session.ServerId);
        if (trace is null)
        {
            return await RelayAsync(inbound, direction, replyTo, null, cancellationToken).ConfigureAwait(false);
        }

        trace.Activity?.SetTag(TelemetryTags.SessionId, _session.SessionId);
        StepOutcome outcome;
        try
        {
            outcome = await RelayAsync(inbound, direction, replyTo, trace, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            trace.Fail(ex);
            throw;
        }

        trace.Complete(outcome, tool, id is { IsNull: false } known ? known.Json : null);
        return outcome;
    }
}
