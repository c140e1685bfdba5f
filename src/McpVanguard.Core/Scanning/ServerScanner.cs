using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpVanguard.Audit;
using McpVanguard.Inspection;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Transports;
using McpVanguard.Transports.Stdio;

namespace McpVanguard.Scanning;

/// <summary>
/// Scans one server without proxying anything: performs the handshake and the list calls through a real
/// <see cref="McpRelay"/> (so every answer passes the same server→agent pipeline as live traffic) and keeps the findings.
/// </summary>
public sealed class ServerScanner(InspectionEngine engine, TimeSpan timeout)
{
    /// <summary>Pages followed per list: a server that hands out cursors forever must not keep the scan going.</summary>
    private const int MaxPages = 64;

    private const string ProtocolVersion = "2025-06-18";

    private static readonly (string Method, string Capability, string Collection, string Kind)[] Lists =
    [
        ("tools/list", "tools", "tools", "tool"),
        ("prompts/list", "prompts", "prompts", "prompt"),
        ("resources/list", "resources", "resources", "resource"),
        ("resources/templates/list", "resources", "resourceTemplates", "resource-template"),
    ];

    /// <summary>Scans <paramref name="target"/>, starting it (stdio) or connecting to it (HTTP) and closing it after.</summary>
    public async Task<ServerScanResult> ScanAsync(ScanTarget target, CancellationToken cancellationToken)
    {
        if (target.Problem is { } problem)
        {
            return ServerScanResult.Failed(target, problem);
        }

        IScanConnection connection;
        try
        {
            connection = target.Url is { } url
                ? HttpScanConnection.Create(new Uri(url), engine.Limits.MaxMessageBytes, timeout)
                : StdioScanConnection.Start(target, engine.Limits.MaxMessageBytes);
        }
        catch (Exception ex) when (ex is UpstreamStartException or UriFormatException)
        {
            return ServerScanResult.Failed(target, ex.Message);
        }

        return await ScanAsync(target, connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Scans over an open <paramref name="connection"/>, and closes it (a stdio server's process tree is killed).</summary>
    public async Task<ServerScanResult> ScanAsync(ScanTarget target, IScanConnection connection, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var exchange = new Exchange(engine, target, connection);
        var pump = exchange.PumpAsync(deadline.Token);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? serverName = null;
        string? error = null;
        try
        {
            var init = await exchange.RequestAsync("initialize", new JsonObject
            {
                ["protocolVersion"] = ProtocolVersion,
                ["capabilities"] = new JsonObject(),
                ["clientInfo"] = new JsonObject { ["name"] = "vanguard-scan", ["version"] = "1.0.0" },
            }, deadline.Token).ConfigureAwait(false);
            if (!init.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object)
            {
                throw new ScanException("the server refused the initialize request" + ErrorText(init));
            }

            serverName = exchange.Session.ServerName;
            await exchange.NotifyAsync("notifications/initialized", deadline.Token).ConfigureAwait(false);
            var capabilities = result.TryGetProperty("capabilities", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
            foreach (var (method, capability, collection, kind) in Lists)
            {
                if (capabilities.ValueKind != JsonValueKind.Object || !capabilities.TryGetProperty(capability, out _))
                {
                    continue;
                }

                counts[collection] = await ListAllAsync(exchange, method, collection, kind, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"timed out after {timeout.TotalSeconds:0.#} s ({exchange.Waiting ?? "waiting for the server"})";
        }
        catch (ScanException ex)
        {
            error = ex.Message;
        }

        // Closing the connection ends the pump: a pipe read does not observe cancellation, but it does see the process die.
        await deadline.CancelAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
        try
        {
            await pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The scan is over; the pump stops with it.
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ScanException)
        {
            // One server's broken connection is that server's error, never the end of the whole scan.
            error ??= $"the connection failed ({ex.GetType().Name}: {ex.Message})";
        }

        var findings = exchange.Findings.ToList();
        return error is null
            ? new ServerScanResult(target, serverName, null, findings, counts.GetValueOrDefault("tools"), counts.GetValueOrDefault("prompts"), counts.GetValueOrDefault("resources"), counts.GetValueOrDefault("resourceTemplates"))
            : ServerScanResult.Failed(target, error, findings) with { ServerName = serverName };
    }

    private static async Task<int> ListAllAsync(Exchange exchange, string method, string collection, string kind, CancellationToken cancellationToken)
    {
        var count = 0;
        string? cursor = null;
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var parameters = cursor is null ? new JsonObject() : new JsonObject { ["cursor"] = cursor };
            var reply = await exchange.RequestAsync(method, parameters, cancellationToken, kind).ConfigureAwait(false);
            if (!reply.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object)
            {
                // A server that advertises a capability but cannot list it: nothing to inspect there.
                break;
            }

            if (result.TryGetProperty(collection, out var items) && items.ValueKind == JsonValueKind.Array)
            {
                count += items.GetArrayLength();
            }

            cursor = result.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (cursor is null || !seenCursors.Add(cursor))
            {
                break;
            }
        }

        return count;
    }

    private static string ErrorText(JsonElement root)
        => root.TryGetProperty("error", out var e) && e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? $": {m.GetString()}" : string.Empty;

    /// <summary>A reply to one of the scan's requests: the server's original message (edits are not applied) and the relay's verdict.</summary>
    private sealed record Reply(JsonElement Root, StepOutcome Outcome);

    /// <summary>The relay between the scan (the "agent") and the server, with the requests waiting for their answers.</summary>
    private sealed class Exchange : IMessageSink
    {
        private readonly McpRelay _relay;
        private readonly IScanConnection _connection;
        private readonly ConcurrentDictionary<long, (TaskCompletionSource<Reply> Reply, string Method, string Kind)> _waiting = new();
        private long _nextId;
        private volatile string? _closed;

        public Exchange(InspectionEngine engine, ScanTarget target, IScanConnection connection)
        {
            _connection = connection;
            Session = new RelaySession("scan-" + RelaySession.NewId(), ServerId(target.Name), 64, TimeSpan.FromMinutes(10)) { Upstream = target.Upstream };
            _relay = new McpRelay(engine, Session, this, connection, NullAuditSink.Instance);
        }

        public RelaySession Session { get; }

        public ConcurrentQueue<ScanFinding> Findings { get; } = new();

        /// <summary>What the scan is waiting for, for a timeout message.</summary>
        public string? Waiting => _waiting.Values.Select(static w => "waiting for the answer to " + w.Method).FirstOrDefault();

        /// <summary>What the relay forwards "to the agent" is dropped: a scan never passes anything on.</summary>
        public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public async Task<JsonElement> RequestAsync(string method, JsonObject parameters, CancellationToken cancellationToken, string kind = "server")
            => (await RequestCoreAsync(method, parameters, kind, cancellationToken).ConfigureAwait(false)).Root;

        private async Task<Reply> RequestCoreAsync(string method, JsonObject parameters, string kind, CancellationToken cancellationToken)
        {
            var id = Interlocked.Increment(ref _nextId);
            var waiter = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[id] = (waiter, method, kind);
            if (_closed is { } closed)
            {
                _waiting.TryRemove(id, out _);
                throw new ScanException($"{closed} before answering {method}");
            }
            var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters };
            StepOutcome sent;
            try
            {
                sent = await _relay.FromAgentAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or ScanException)
            {
                _waiting.TryRemove(id, out _);
                throw new ScanException($"{method} could not be sent: {ex.Message}");
            }

            if (!sent.Forwarded)
            {
                _waiting.TryRemove(id, out _);
                throw new ScanException($"the {method} request was refused by the policy ({string.Join(", ", sent.Verdict.RuleIds)})");
            }

            return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        public async Task NotifyAsync(string method, CancellationToken cancellationToken)
        {
            var notification = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
            await _relay.FromAgentAsync(Encoding.UTF8.GetBytes(notification.ToJsonString()), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Feeds every server message through the relay, records findings, and hands replies to their requests.</summary>
        public async Task PumpAsync(CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var frame in _connection.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (frame.Oversized)
                    {
                        var refused = await _relay.OversizedAsync(Direction.ServerToAgent, cancellationToken).ConfigureAwait(false);
                        Record("(oversized message)", "server", null, refused);
                        continue;
                    }

                    await HandleAsync(frame.Data!, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _closed = await _connection.DescribeCloseAsync().ConfigureAwait(false);
                foreach (var (_, waiting) in _waiting)
                {
                    waiting.Reply.TrySetException(new ScanException($"{_closed} before answering {waiting.Method}"));
                }
            }
        }

        private async Task HandleAsync(byte[] frame, CancellationToken cancellationToken)
        {
            // Parsed once, for the relay and for matching the answer; what the scan keeps is copied before the relay owns it.
            var inbound = InboundMessage.Parse(frame, _relay.MaxDepth);
            var message = inbound.Message;
            var method = message?.Method;
            var requestId = message is { IsRequest: true } ? message.Id : (JsonRpcId?)null;
            (TaskCompletionSource<Reply> Reply, string Method, string Kind)? waiting = null;
            if (message is { IsResponse: true } && long.TryParse(message.Id.Json, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && _waiting.TryRemove(id, out var found))
            {
                waiting = found;
            }

            var root = waiting is null ? (JsonElement?)null : message!.Root.Clone();
            var outcome = await _relay.FromServerAsync(inbound, cancellationToken).ConfigureAwait(false);
            if (waiting is { } answered)
            {
                Record(answered.Method, answered.Kind, root, outcome);
                answered.Reply.TrySetResult(new Reply(root!.Value, outcome));
                return;
            }

            Record(method ?? "(unmatched message)", "server", null, outcome);
            if (requestId is { } serverRequest && outcome.Forwarded)
            {
                // A request from the server (roots, sampling, elicitation): a scan answers none, so the server need not wait.
                var answer = JsonRpcErrorWriter.Write(serverRequest, JsonRpcErrorCodes.MethodNotFound, "vanguard scan does not answer server requests");
                await _relay.FromAgentAsync(answer, cancellationToken).ConfigureAwait(false);
            }
        }

        private void Record(string method, string kind, JsonElement? root, StepOutcome outcome)
        {
            foreach (var finding in outcome.Verdict.Findings)
            {
                Findings.Enqueue(new ScanFinding(method, kind, finding.QuarantineTool ?? ItemAt(root, finding.Edit?.Pointer), finding));
            }
        }

        /// <summary>The name (or URI) of the list item an edit pointer such as <c>/result/tools/3</c> or <c>/result/tools/3/description</c> points into.</summary>
        private static string? ItemAt(JsonElement? root, string? pointer)
        {
            var parts = pointer?.Split('/');
            if (root is not { ValueKind: JsonValueKind.Object } message || parts is not { Length: >= 4 } || parts[1] != "result"
                || !message.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object
                || !result.TryGetProperty(parts[2], out var items) || items.ValueKind != JsonValueKind.Array
                || !int.TryParse(parts[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                || index >= items.GetArrayLength())
            {
                return null;
            }

            var item = items[index];
            foreach (var key in (string[])["name", "uri", "uriTemplate"])
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }

            return null;
        }

        /// <summary>A config's server name as a server id (1-64 of letters, digits, '-', '_', '.'), as audit records and state keys expect.</summary>
        private static string ServerId(string name)
        {
            var id = new string(name.Select(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').Take(64).ToArray());
            return id.Length == 0 ? "server" : id;
        }
    }
}
