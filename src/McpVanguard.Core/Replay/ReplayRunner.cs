using System.Diagnostics;
using McpVanguard.Audit;
using McpVanguard.Inspection;
using McpVanguard.Relay;

namespace McpVanguard.Replay;

/// <summary>
/// Pushes replay cases through the real relay and pipeline with in-memory sinks instead of processes: the same code
/// path as stdio and HTTP, so replay scores measure what users run.
/// </summary>
public sealed class ReplayRunner(InspectionEngine engine)
{
    public async Task<ReplayResult> RunAsync(ReplayCase replayCase, CancellationToken cancellationToken)
    {
        // A fresh session per case; one relay per upstream server id named in the case.
        var relays = new Dictionary<string, McpRelay>(StringComparer.Ordinal);
        var steps = new List<string>();
        var rules = new List<string>();
        var started = Stopwatch.GetTimestamp();
        var sessionId = "replay-" + replayCase.Id;
        foreach (var step in replayCase.Steps)
        {
            if (!relays.TryGetValue(step.ServerId, out var relay))
            {
                relay = new McpRelay(engine, new RelaySession(sessionId, step.ServerId, 4096, TimeSpan.FromHours(1)), new CollectingSink(), new CollectingSink(), NullAuditSink.Instance);
                relays[step.ServerId] = relay;
            }

            var bytes = System.Text.Encoding.UTF8.GetBytes(step.Message.GetRawText());
            var outcome = bytes.Length > engine.Limits.MaxMessageBytes
                ? await relay.OversizedAsync(step.FromAgent ? Protocol.Direction.AgentToServer : Protocol.Direction.ServerToAgent, cancellationToken).ConfigureAwait(false)
                : step.FromAgent
                    ? await relay.FromAgentAsync(bytes, cancellationToken).ConfigureAwait(false)
                    : await relay.FromServerAsync(bytes, cancellationToken).ConfigureAwait(false);
            steps.Add(outcome.Verdict.Label);
            foreach (var id in outcome.Verdict.RuleIds)
            {
                if (!rules.Contains(id))
                {
                    rules.Add(id);
                }
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        var blocked = steps.Any(s => s is "block" or "shadow-block" or "redact" or "review");
        return new ReplayResult(replayCase, blocked ? "block" : "allow", steps, rules, elapsed);
    }
}
