using System.Diagnostics;
using System.Text.Json;
using McpVanguard.Audit;
using McpVanguard.Inspection;
using McpVanguard.Integrity;
using McpVanguard.Relay;

namespace McpVanguard.Replay;

/// <summary>
/// Pushes replay cases through the real relay and pipeline with in-memory sinks instead of processes: the same code
/// path as stdio and HTTP, so replay scores measure what users run. Tool pins included: every case starts with empty
/// in-memory pins, so a <c>tools/list</c> that changes within a case is a rug pull (PIN-001) exactly as live, and
/// nothing one case pinned can affect another.
/// </summary>
public sealed class ReplayRunner : IDisposable
{
    private readonly InspectionEngine _engine;
    private readonly PinStore _pins;
    private readonly ReplayClock? _clock;

    /// <summary>The pins belong to the case being run: cases run one at a time even when called concurrently.</summary>
    private readonly SemaphoreSlim _oneCaseAtATime = new(1, 1);

    /// <param name="engine">The engine, built by the same function as the live one with <paramref name="pins"/> as its pin store.</param>
    /// <param name="pins">An in-memory store (<see cref="PinStore.InMemory"/>), emptied before every case; replay never reads or writes a pin file.</param>
    /// <param name="clock">The clock the engine's L3 state was built with: each case starts it afresh and steps' <c>at_ms</c> move it.</param>
    public ReplayRunner(InspectionEngine engine, PinStore pins, ReplayClock? clock = null)
    {
        if (!pins.IsInMemory)
        {
            throw new ArgumentException("Replay needs an in-memory pin store: it must not read or change the user's pins.", nameof(pins));
        }

        _engine = engine;
        _pins = pins;
        _clock = clock;
    }

    /// <summary>
    /// Whether a case waits for L2's model to load first (the default: what a replay reports must not depend on load
    /// speed). Off only where what happens to messages during the load is itself under test.
    /// </summary>
    public bool WaitsForModel { get; init; } = true;

    public async Task<ReplayResult> RunAsync(ReplayCase replayCase, CancellationToken cancellationToken)
    {
        await _oneCaseAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _pins.Reset();
            _engine.ForgetServers();
            ForgetBehaviour();
            _clock?.BeginCase();

            // L2's model first (once; then at once): a replay's verdicts must not depend on how fast it loaded.
            if (WaitsForModel)
            {
                await Inspection.Semantic.SemanticStage.WhenLoadedAsync(_engine, cancellationToken).ConfigureAwait(false);
            }

            return await RunAloneAsync(replayCase, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // What the case pinned or listed is not kept until the next case (bounded memory between cases too).
            _pins.Reset();
            _engine.ForgetServers();
            ForgetBehaviour();
            _oneCaseAtATime.Release();
        }
    }

    public void Dispose() => _oneCaseAtATime.Dispose();

    /// <summary>L3 state is per case: one case's windows must not arm another's chains.</summary>
    private void ForgetBehaviour()
    {
        foreach (var stage in _engine.AgentToServer.Stages.Concat(_engine.ServerToAgent.Stages).OfType<Inspection.Behaviour.BehaviourStage>())
        {
            stage.Reset();
        }
    }

    private async Task<ReplayResult> RunAloneAsync(ReplayCase replayCase, CancellationToken cancellationToken)
    {
        // A fresh session per case; one relay per upstream server id named in the case.
        var relays = new Dictionary<string, McpRelay>(StringComparer.Ordinal);
        var steps = new List<string>();
        var rules = new List<string>();
        var semantic = new List<Inspection.Semantic.SemanticEvidence>();
        var started = Stopwatch.GetTimestamp();
        var sessionId = "replay-" + replayCase.Id;
        // Requests the relay did not forward, per server id: that server never saw them, so a scripted answer to one
        // could not exist live and is not judged (an unsolicited-response finding there would hide the real catch).
        var notForwarded = new HashSet<(string Server, Protocol.JsonRpcId Id)>();
        var inFlight = new HashSet<(string Server, Protocol.JsonRpcId Id)>();
        var requested = new HashSet<(string Server, Protocol.JsonRpcId Id)>();
        var warnings = new List<string>();
        foreach (var step in replayCase.Steps)
        {
            _clock?.MoveTo(step.AtMs);
            if (!step.FromAgent && ResponseId(step.Message) is { } unasked && !requested.Contains((step.ServerId, unasked)))
            {
                // Judged as live (an unsolicited response), but usually a writer's slip that would silently count as a catch.
                warnings.Add($"step {steps.Count + 1}: a server answer to id {unasked}, which no earlier agent step sent to server {step.ServerId}; judged as an unsolicited response");
            }

            if (!step.FromAgent && ResponseId(step.Message) is { } answered && notForwarded.Contains((step.ServerId, answered)))
            {
                notForwarded.Remove((step.ServerId, answered));
                steps.Add(NotSent);
                continue;
            }

            if (!relays.TryGetValue(step.ServerId, out var relay))
            {
                relay = new McpRelay(_engine, new RelaySession(sessionId, step.ServerId, 4096, TimeSpan.FromHours(1)), new CollectingSink(), new CollectingSink(), NullAuditSink.Instance);
                relays[step.ServerId] = relay;
            }

            var bytes = System.Text.Encoding.UTF8.GetBytes(step.Message.GetRawText());
            var outcome = bytes.Length > _engine.Limits.MaxMessageBytes
                ? await relay.OversizedAsync(step.FromAgent ? Protocol.Direction.AgentToServer : Protocol.Direction.ServerToAgent, cancellationToken).ConfigureAwait(false)
                : step.FromAgent
                    ? await relay.FromAgentAsync(bytes, cancellationToken).ConfigureAwait(false)
                    : await relay.FromServerAsync(bytes, cancellationToken).ConfigureAwait(false);
            if (step.FromAgent && RequestId(step.Message) is { } requestId)
            {
                // A refused duplicate of an id already in flight leaves the first request's answer to come.
                var key = (step.ServerId, requestId);
                requested.Add(key);
                if (outcome.Forwarded)
                {
                    inFlight.Add(key);
                    notForwarded.Remove(key);
                }
                else if (!inFlight.Contains(key))
                {
                    notForwarded.Add(key);
                }
            }
            else if (!step.FromAgent && ResponseId(step.Message) is { } response)
            {
                inFlight.Remove((step.ServerId, response));
            }

            steps.Add(outcome.Verdict.Label);
            semantic.AddRange(outcome.Verdict.Findings.Where(static f => f.Semantic is not null).Select(static f => f.Semantic!));
            foreach (var id in outcome.Verdict.RuleIds)
            {
                if (!rules.Contains(id))
                {
                    rules.Add(id);
                }
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        var wrongSteps = new List<int>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (replayCase.Steps[i].ExpectBlock is { } expected && IsStopped(steps[i]) != expected)
            {
                wrongSteps.Add(i + 1);
            }
        }

        return new ReplayResult(replayCase, steps.Any(IsStopped) ? "block" : "allow", steps, rules, elapsed)
        {
            Semantic = semantic,
            WrongSteps = wrongSteps,
            Warnings = warnings,
        };
    }

    /// <summary>Whether a step outcome kept the message from reaching its receiver as sent (a <c>block</c> verdict).</summary>
    private static bool IsStopped(string outcome) => outcome is "block" or "shadow-block" or "redact" or "review";

    /// <summary>The step outcome of a server's answer to a request the relay did not forward: never sent live, never judged.</summary>
    public const string NotSent = "not-sent";

    /// <summary>The id of a request, compared as the relay compares ids (<see cref="Protocol.JsonRpcId"/>).</summary>
    private static Protocol.JsonRpcId? RequestId(JsonElement message)
        => message.ValueKind == JsonValueKind.Object && message.TryGetProperty("method", out _) && message.TryGetProperty("id", out var id)
           && Protocol.JsonRpcId.TryFrom(id, out var parsed) && !parsed.IsNull
            ? parsed
            : null;

    private static Protocol.JsonRpcId? ResponseId(JsonElement message)
        => message.ValueKind == JsonValueKind.Object && !message.TryGetProperty("method", out _) && message.TryGetProperty("id", out var id)
           && (message.TryGetProperty("result", out _) || message.TryGetProperty("error", out _))
           && Protocol.JsonRpcId.TryFrom(id, out var parsed) && !parsed.IsNull
            ? parsed
            : null;
}
