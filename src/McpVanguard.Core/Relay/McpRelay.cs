using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using McpVanguard.Audit;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Sessions;

namespace McpVanguard.Relay;

/// <summary>
/// The one relay every transport feeds: it parses each frame, runs the pipeline for its direction, then forwards the
/// original bytes, or answers a refused request with a JSON-RPC error. Every decision other than a plain allow is audited.
/// </summary>
public sealed partial class McpRelay
{
    /// <summary>Audit id for a response whose id matches no request in flight.</summary>
    public const string UnknownResponseRule = "RPC-004";

    /// <summary>Audit id for a frame longer than the message size limit.</summary>
    public const string OversizedRule = "PRE-001";

    /// <summary>Audit id for a message with more strings (or deeper params) than the limits allow.</summary>
    public const string TooManyStringsRule = "PRE-003";

    /// <summary>Audit id for a request refused because too many are in flight.</summary>
    public const string PendingFullRule = "PRE-004";

    private readonly InspectionEngine _engine;
    private readonly RelaySession _session;
    private readonly IMessageSink _agent;
    private readonly IMessageSink _server;
    private readonly IAuditSink _audit;
    private readonly bool _auditAllows;
    private readonly bool _monitor;

    public McpRelay(InspectionEngine engine, RelaySession session, IMessageSink agent, IMessageSink server, IAuditSink audit, bool auditAllows = false)
    {
        _engine = engine;
        _session = session;
        _agent = agent;
        _server = server;
        _audit = audit;
        _auditAllows = auditAllows;
        _monitor = engine.AgentToServer.Profile == Profile.Monitor;
    }

    public RelaySession Session => _session;

    /// <summary>The frame size limit transports must enforce before handing frames in.</summary>
    public int MaxMessageBytes => _engine.Limits.MaxMessageBytes;

    /// <summary>The nesting limit a transport parses with when it reads a message itself (<see cref="InboundMessage.Parse"/>).</summary>
    public int MaxDepth => _engine.Limits.MaxDepth;

    /// <summary>Handles one frame sent by the agent.</summary>
    public ValueTask<StepOutcome> FromAgentAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
        => HandleAsync(InboundMessage.Parse(frame, _engine.Limits.MaxDepth), Direction.AgentToServer, null, cancellationToken);

    /// <summary>
    /// Handles one agent message the transport already parsed to route it; the relay's answer to it (a refusal) carries
    /// <paramref name="replyTo"/>. The relay takes ownership of <paramref name="inbound"/>.
    /// </summary>
    public ValueTask<StepOutcome> FromAgentAsync(InboundMessage inbound, object? replyTo, CancellationToken cancellationToken)
        => HandleAsync(inbound, Direction.AgentToServer, replyTo, cancellationToken);

    /// <summary>Handles one frame sent by the upstream server.</summary>
    public ValueTask<StepOutcome> FromServerAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
        => HandleAsync(InboundMessage.Parse(frame, _engine.Limits.MaxDepth), Direction.ServerToAgent, null, cancellationToken);

    /// <summary>Handles one server message its reader already parsed; the relay takes ownership of <paramref name="inbound"/>.</summary>
    public ValueTask<StepOutcome> FromServerAsync(InboundMessage inbound, CancellationToken cancellationToken)
        => HandleAsync(inbound, Direction.ServerToAgent, null, cancellationToken);

    /// <summary>Handles a frame that was cut off because it exceeded the size limit; its sender gets an error.</summary>
    public async ValueTask<StepOutcome> OversizedAsync(Direction direction, CancellationToken cancellationToken, object? replyTo = null)
    {
        var reason = $"Message exceeds the size limit of {_engine.Limits.MaxMessageBytes} bytes.";
        // Never buffered, so it cannot be forwarded even under monitor.
        var verdict = Refusal(OversizedRule, reason, forwardable: false);
        await ReplyAsync(direction, JsonRpcErrorWriter.Write(JsonRpcId.Null, JsonRpcErrorCodes.LimitExceeded, reason, [OversizedRule], "block", reason), JsonRpcId.Null, replyTo, cancellationToken).ConfigureAwait(false);
        Audit(direction, null, null, JsonRpcId.Null, verdict, null, 0);
        Telemetry.MessageTelemetry.CountRefused(direction, verdict, _session.ServerId);
        return new StepOutcome(verdict, false);
    }

    /// <summary>
    /// Gives up on an agent request nobody waits for any more (its HTTP exchange timed out): a late answer then matches no
    /// request and is dropped and audited instead of being delivered.
    /// </summary>
    public bool Abandon(JsonRpcId id) => _session.AgentRequests.TryRemove(id, out _);

    /// <summary>Answers every request still waiting for the server (it exited) with an upstream-unavailable error.</summary>
    public async ValueTask FailPendingAsync(string reason, CancellationToken cancellationToken)
    {
        foreach (var pending in _session.AgentRequests.Drain())
        {
            var error = JsonRpcErrorWriter.Write(pending.Id, JsonRpcErrorCodes.UpstreamUnavailable, reason);
            await _agent.SendAsync(RelayMessage.Error(error, pending.Id), cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<StepOutcome> RelayAsync(InboundMessage inbound, Direction direction, object? replyTo, Telemetry.MessageTelemetry? trace, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (inbound.Message is not { } message)
        {
            return await RefuseMalformedAsync(direction, inbound.Raw, inbound.Violation!, replyTo, started, cancellationToken).ConfigureAwait(false);
        }

        using var owned = inbound;
        PendingRequest? answers = null;
        if (message.IsResponse)
        {
            var table = direction == Direction.AgentToServer ? _session.ServerRequests : _session.AgentRequests;
            if (!table.TryRemove(message.Id, out answers))
            {
                // Nobody is waiting for this answer: forwarding it would confuse the peer, and answering a response is not allowed.
                var unmatched = $"Response id {message.Id} matches no request in flight.";
                var unknown = Refusal(UnknownResponseRule, unmatched);
                Audit(direction, message, null, message.Id, unknown, null, Elapsed(started));
                if (unknown.Blocks && replyTo is not null)
                {
                    // The transport that carried it (an HTTP POST) tells its sender it was not accepted.
                    await ReplyAsync(direction, JsonRpcErrorWriter.Write(JsonRpcId.Null, JsonRpcErrorCodes.InvalidRequest, unmatched, unknown.RuleIds, unknown.Label, unmatched), JsonRpcId.Null, replyTo, cancellationToken).ConfigureAwait(false);
                }

                return await ForwardIfMonitoringAsync(direction, RelayMessage.Forward(message, message.Raw), unknown, cancellationToken).ConfigureAwait(false);
            }

            trace?.Answers(answers);
        }

        Verdict verdict;
        var blockCode = JsonRpcErrorCodes.PolicyBlocked;
        var payload = PayloadStrings.Empty;
        if (!ArgumentWalker.TryWalk(message.Params, _engine.Limits, out var strings, out var limitReason)
            || (PayloadRoot(message, direction) is var (node, pointer) && !PayloadWalker.TryWalk(node, pointer, _engine.Limits, out payload, out limitReason)))
        {
            var invalid = limitReason is ArgumentWalker.DuplicateKeyReason or ArgumentWalker.InvalidStringReason;
            blockCode = invalid ? JsonRpcErrorCodes.InvalidRequest : JsonRpcErrorCodes.LimitExceeded;
            verdict = Refusal(invalid ? McpMessageParser.InvalidRequestRule : TooManyStringsRule, limitReason!);
        }
        else
        {
            if (direction == Direction.ServerToAgent && IsHandshake(answers?.Method))
            {
                CaptureServerName(message);
            }

            trace?.EndLayer();
            var pipeline = direction == Direction.AgentToServer ? _engine.AgentToServer : _engine.ServerToAgent;
            verdict = await pipeline.InspectAsync(new InspectionContext
            {
                Message = message,
                Direction = direction,
                SessionId = _session.SessionId,
                ServerId = answers?.ServerId ?? _session.ServerId,
                Profile = pipeline.Profile,
                Strings = strings,
                Payload = payload,
                Quarantine = _session.Quarantine,
                Caller = _session.Caller,
                Upstream = _session.Upstream,
                ServerName = _session.ServerName,
                RequestMethod = answers?.Method,
                RequestTool = answers?.Tool,
                RequestCursor = answers?.Cursor,
                ListPages = _session.ListPages,
                Trace = trace,
            }, cancellationToken).ConfigureAwait(false);
        }

        var elapsed = Elapsed(started);
        if (verdict.Blocks)
        {
            Quarantine(verdict, answers);
            if (message.IsResponse)
            {
                // The requester is still waiting: it gets an error in place of the refused answer.
                var text = $"Response withheld by McpVanguard: {verdict.Reason} [{string.Join(", ", verdict.RuleIds)}]";
                var recipient = direction == Direction.AgentToServer ? _server : _agent;
                await recipient.SendAsync(RelayMessage.Error(JsonRpcErrorWriter.Write(message.Id, JsonRpcErrorCodes.PolicyBlocked, text, verdict.RuleIds, verdict.Label, verdict.Reason), message.Id), cancellationToken).ConfigureAwait(false);
            }

            if (message.IsRequest || replyTo is not null)
            {
                // A request gets its JSON-RPC error. JSON-RPC has no answer to a notification or a response, but a transport
                // that carried one (an HTTP POST) tells its sender it was refused, without an id.
                var id = message.IsRequest ? message.Id : JsonRpcId.Null;
                var text = $"Blocked by McpVanguard: {verdict.Reason} [{string.Join(", ", verdict.RuleIds)}]";
                await ReplyAsync(direction, JsonRpcErrorWriter.Write(id, blockCode, text, verdict.RuleIds, verdict.Label, verdict.Reason), id, replyTo, cancellationToken).ConfigureAwait(false);
            }

            Audit(direction, message, answers, message.Id, verdict, null, elapsed);
            return new StepOutcome(verdict, false);
        }

        if (message.IsRequest)
        {
            var table = direction == Direction.AgentToServer ? _session.AgentRequests : _session.ServerRequests;
            var pending = new PendingRequest(message.Id, message.Method!, message.ToolName, _session.ServerId, Stopwatch.GetTimestamp(), ListCursor(message), trace?.Activity?.Context ?? default);
            if (!table.TryAdd(pending))
            {
                var reason = $"Too many requests in flight, or id {message.Id} is already in flight.";
                var refused = Refusal(PendingFullRule, reason);
                Audit(direction, message, answers, message.Id, refused, null, elapsed);
                if (!refused.Blocks)
                {
                    return await ForwardIfMonitoringAsync(direction, RelayMessage.Forward(message, message.Raw), refused, cancellationToken).ConfigureAwait(false);
                }

                await ReplyAsync(direction, JsonRpcErrorWriter.Write(message.Id, JsonRpcErrorCodes.LimitExceeded, reason, [PendingFullRule], "block", reason), message.Id, replyTo, cancellationToken).ConfigureAwait(false);
                return new StepOutcome(refused, false);
            }
        }

        var target = direction == Direction.AgentToServer ? _server : _agent;
        // The only rewrite of forwarded traffic: a redact verdict's edits (audited below with their rule ids).
        var forwarded = verdict.Kind == VerdictKind.Redact ? MessageEditor.Apply(message.Root, verdict.Edits) : message.Raw;
        // Before the write: once the peer has the list without a withheld tool, its next call to that tool (read on the
        // other direction's thread) must already find it quarantined.
        Quarantine(verdict, answers);
        try
        {
            await target.SendAsync(RelayMessage.Forward(message, forwarded), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The verdict is final before the write, so its record follows the forwarded bytes instead of preceding them:
            // building it (the arguments hashed) and queueing it (which wakes the audit writer) is then off the message's
            // way to the peer. Still on this thread, before the next message of this direction is read, so records keep
            // the order of the messages; and in a finally, so a write that waits and is cancelled still leaves its record.
            if (verdict.Kind != VerdictKind.Allow || _auditAllows)
            {
                Audit(direction, message, answers, message.Id, verdict, null, elapsed);
            }
        }

        return new StepOutcome(verdict, true);
    }

    /// <summary>The <c>cursor</c> of a list request (bounded: the page of a longer one is compared as a page only).</summary>
    private static string? ListCursor(McpMessage message)
        => message.Method is { } method && method.EndsWith("/list", StringComparison.Ordinal)
            && message.Params is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("cursor", out var cursor) && cursor.ValueKind == JsonValueKind.String
            ? cursor.GetString() is { Length: <= Integrity.ListPageAccumulator.MaxCursorChars } text ? text : string.Empty
            : null;

    /// <summary>The request that opens a session: <c>initialize</c>, or <c>server/discover</c> of the 2026-07-28 revision.</summary>
    private static bool IsHandshake(string? method) => method is "initialize" or "server/discover";

    /// <summary>Remembers <c>serverInfo.name</c> of the initialize (or server/discover) result: with the upstream it identifies the server's tool pins.</summary>
    private void CaptureServerName(McpMessage message)
    {
        if (!message.Root.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if ((result.TryGetProperty("serverInfo", out var info)
                || (result.TryGetProperty("_meta", out var meta) && meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("io.modelcontextprotocol/serverInfo", out info)))
            && info.ValueKind == JsonValueKind.Object
            && info.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
        {
            // Bounded: the name is chosen by the server and ends up in the pin file and in reports.
            var text = name.GetString()!;
            _session.ServerName = text.Length > 128 ? text[..128] : text;
        }
    }

    /// <summary>
    /// What a message carries besides <c>params</c> that detectors must see with its location: a response's <c>result</c>,
    /// or the <c>params</c> of a request the server sends (sampling, elicitation). Null for agent requests.
    /// </summary>
    private static (JsonElement Node, string Pointer)? PayloadRoot(McpMessage message, Direction direction)
    {
        if (message.IsResponse)
        {
            // An error's message and data are read by the model as a result is (a tool's failure explained to it).
            return message.Root.TryGetProperty("result", out var result) ? (result, "/result")
                : message.Root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? (error, "/error") : null;
        }

        // What the server asks (sampling, elicitation) and what it announces (log and progress messages the client shows).
        return direction == Direction.ServerToAgent && message.Params is { } p ? (p, "/params") : null;
    }

    /// <summary>
    /// Records the tools a redact or block verdict quarantined (a poisoned tool dropped from a list), so that later calls
    /// to them are refused. Monitor never acts, so it never quarantines.
    /// </summary>
    private void Quarantine(Verdict verdict, PendingRequest? answers)
    {
        if (verdict.Kind is not (VerdictKind.Redact or VerdictKind.Block))
        {
            return;
        }

        foreach (var finding in verdict.Findings)
        {
            if (finding.QuarantineTool is { } tool)
            {
                _session.Quarantine.Add(answers?.ServerId ?? _session.ServerId, tool);
            }
        }
    }

    private async ValueTask<StepOutcome> RefuseMalformedAsync(Direction direction, ReadOnlyMemory<byte> frame, ProtocolViolation violation, object? replyTo, long started, CancellationToken cancellationToken)
    {
        var verdict = Refusal(violation.RuleId, violation.Reason);
        if (!verdict.Blocks)
        {
            Audit(direction, null, null, violation.Id, verdict, violation.Method, Elapsed(started));
            return await ForwardIfMonitoringAsync(direction, RelayMessage.Unreadable(frame), verdict, cancellationToken).ConfigureAwait(false);
        }

        // A malformed message is answered, never silently dropped.
        var error = JsonRpcErrorWriter.Write(violation.Id, violation.Code, violation.Reason, [violation.RuleId], "block", violation.Reason);
        await ReplyAsync(direction, error, violation.Id, replyTo, cancellationToken).ConfigureAwait(false);
        Audit(direction, null, null, violation.Id, verdict, violation.Method, Elapsed(started));
        return new StepOutcome(verdict, false);
    }

    /// <summary>Answers the sender of a refused message; the answer carries the transport's token for that message.</summary>
    private ValueTask ReplyAsync(Direction from, byte[] error, JsonRpcId id, object? replyTo, CancellationToken cancellationToken)
        => (from == Direction.AgentToServer ? _agent : _server).SendAsync(RelayMessage.Error(error, id, replyTo), cancellationToken);

    /// <summary>A protocol-level refusal: a block, or under monitor a shadow block (monitor never drops a message it holds). MCP-29 (protocol gaps) is the catalog category of every RPC-/PRE-00x id.</summary>
    private Verdict Refusal(string ruleId, string reason, bool forwardable = true)
        => new(_monitor && forwardable ? VerdictKind.ShadowBlock : VerdictKind.Block, [new Finding(ruleId, "L0", "MCP-29", Severity.Medium, FindingAction.Block, reason)], reason);

    /// <summary>Under monitor, what would have been refused is forwarded as it came; otherwise it is dropped.</summary>
    private async ValueTask<StepOutcome> ForwardIfMonitoringAsync(Direction direction, RelayMessage forwarded, Verdict verdict, CancellationToken cancellationToken)
    {
        if (!_monitor)
        {
            return new StepOutcome(verdict, false);
        }

        await (direction == Direction.AgentToServer ? _server : _agent).SendAsync(forwarded, cancellationToken).ConfigureAwait(false);
        return new StepOutcome(verdict, true);
    }

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMicroseconds;

    private void Audit(Direction direction, McpMessage? message, PendingRequest? answers, JsonRpcId id, Verdict verdict, string? method, double elapsedMicroseconds)
    {
        // The throttle decides first: a decision it suppresses now (an agent repeating a call L3 warns about as a loop,
        // every call) is counted for the summary, and its record is never built nor its arguments hashed.
        var serverId = answers?.ServerId ?? _session.ServerId;
        var side = direction == Direction.AgentToServer ? "agent_to_server" : "server_to_agent";
        if (!_audit.Admit(new AuditDecision(_session.SessionId, serverId, side, verdict.Label, verdict.RuleIds)))
        {
            return;
        }

        _audit.WriteAdmitted(new AuditRecord
        {
            Time = DateTimeOffset.UtcNow,
            Session = _session.SessionId,
            ServerId = serverId,
            Direction = side,
            Method = message?.Method ?? answers?.Method ?? method,
            Tool = message?.ToolName ?? answers?.Tool,
            RequestId = id.IsNull ? null : id.Json,
            Verdict = verdict.Label,
            RuleIds = verdict.RuleIds,
            Reason = verdict.Reason,
            Withheld = WithheldTools(verdict),
            ArgumentsSha256 = message is null ? null : HashArguments(message),
            Semantic = SemanticEvidenceOf(verdict),
            InspectMicroseconds = Math.Round(elapsedMicroseconds, 1),
        });
    }

    /// <summary>The L2 evidence of a verdict, if L2 reported on the message (one finding at most per message).</summary>
    private static Inspection.Semantic.SemanticEvidence? SemanticEvidenceOf(Verdict verdict)
    {
        foreach (var finding in verdict.Findings)
        {
            if (finding.Semantic is { } evidence)
            {
                return evidence;
            }
        }

        return null;
    }

    /// <summary>The tools a verdict drops and quarantines (at most 32; each name is bounded by AuditFieldBounds), or null when it drops none.</summary>
    private static List<string>? WithheldTools(Verdict verdict)
    {
        List<string>? tools = null;
        foreach (var finding in verdict.Findings)
        {
            if (finding.QuarantineTool is { } tool && (tools ??= []).Count < 32 && !tools.Contains(tool, StringComparer.Ordinal))
            {
                tools.Add(tool);
            }
        }

        return tools;
    }

    private static string? HashArguments(McpMessage message)
    {
        if (message.Params is not { } p)
        {
            return null;
        }

        var target = p.TryGetProperty("arguments", out var args) ? args : p;
        var raw = JsonMarshal.GetRawUtf8Value(target);
        return Convert.ToHexStringLower(SHA256.HashData(raw));
    }
}
