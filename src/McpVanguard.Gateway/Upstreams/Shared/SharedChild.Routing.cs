using System.Text;
using McpVanguard.Gateway.Logging;
using McpVanguard.Protocol;
using McpVanguard.Transports;
using McpVanguard.Transports.Stdio;

namespace McpVanguard.Gateway.Upstreams.Shared;

/// <summary>The child's side of a shared child: its messages routed to the sessions they belong to, and its exit.</summary>
internal sealed partial class SharedChild
{
    private async Task ReadAsync(StdioUpstream process, StreamMessageWriter input)
    {
        try
        {
            await foreach (var frame in LineFramer.ReadAsync(process.Output, _limits.MaxMessageBytes, CancellationToken.None).ConfigureAwait(false))
            {
                if (frame.Oversized)
                {
                    // Whose it was cannot be known without reading it; the session's request fails at its timeout.
                    UpstreamLog.SharedChildUnroutable(_logger, _server.Id, "a message over the size limit");
                    continue;
                }

                await RouteAsync(frame.Data!, input).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The child's stdout closed under the reader: it is gone.
        }

        Gone(process);
    }

    private async ValueTask RouteAsync(byte[] json, StreamMessageWriter input)
    {
        var fields = RoutingFields.Read(json);
        if (fields.IsResponse)
        {
            var upstreamId = RoutingFields.Number(fields.Id.Of(json));
            if (upstreamId < 0 || !_pending.TryRemove(upstreamId, out var remap))
            {
                UpstreamLog.SharedChildUnroutable(_logger, _server.Id, "an answer to no pending request");
                return;
            }

            if (remap.IsInitialize)
            {
                await InitializeAnsweredAsync(remap, fields, json, input).ConfigureAwait(false);
                return;
            }

            remap.Lease!.Untrack(remap.OriginalId);
            remap.Lease.Deliver(JsonSplice.Replace(json, fields.Id, Encoding.UTF8.GetBytes(remap.OriginalId.Json)));
        }
        else if (fields.IsNotification && fields.Method == "notifications/progress")
        {
            var token = fields.ProgressToken.Found ? RoutingFields.Number(fields.ProgressToken.Of(json)) : -1;
            if (token >= 0 && _pending.TryGetValue(token, out var remap) && remap is { Lease: { } lease, OriginalToken: { } original })
            {
                lease.Deliver(JsonSplice.Replace(json, fields.ProgressToken, Encoding.UTF8.GetBytes(original.Json)));
            }
        }
        else if (fields.IsNotification && fields.Method == "notifications/cancelled")
        {
            // The server withdraws one of its own requests: only the session it went to knows it.
            var id = fields.RequestId.Found ? CanonicalId(fields.RequestId.Of(json)) : null;
            if (id is not null && _serverRequests.TryRemove(id, out var owner))
            {
                owner.Deliver(json);
            }
        }
        else if (fields.IsNotification)
        {
            foreach (var lease in Sessions())
            {
                lease.Deliver(json);
            }
        }
        else if (fields.IsRequest)
        {
            await RouteServerRequestAsync(json, fields, input).ConfigureAwait(false);
        }
        else
        {
            UpstreamLog.SharedChildUnroutable(_logger, _server.Id, "a message that is not a readable JSON-RPC message");
        }
    }

    private async ValueTask RouteServerRequestAsync(byte[] json, RoutingFields fields, StreamMessageWriter input)
    {
        var id = CanonicalId(fields.Id.Of(json));
        var sessions = Sessions();
        if (id is not null && sessions.Length == 1 && _serverRequests.Count < _limits.MaxPendingPerChild)
        {
            _serverRequests[id] = sessions[0];
            sessions[0].Deliver(json);
            return;
        }

        UpstreamLog.SharedChildServerRequestRefused(_logger, _server.Id, fields.Method!);
        var message = $"Server-to-client requests are not relayed while several sessions share this server (servers.share); the server asked for '{fields.Method}'.";
        var childId = JsonRpcId.TryRead(fields.Id.Of(json), out var routable) ? routable : JsonRpcId.Null;
        await input.SendAsync(JsonRpcErrorWriter.Write(childId, JsonRpcErrorCodes.MethodNotFound, message), CancellationToken.None).ConfigureAwait(false);
    }

    private async ValueTask InitializeAnsweredAsync(PendingRemap remap, RoutingFields fields, byte[] json, StreamMessageWriter input)
    {
        var accepted = fields.Result.Found && !fields.HasError;
        if (remap.Lease is null)
        {
            // The replayed initialize of a replacement child.
            if (accepted)
            {
                await input.SendAsync(InitializedNotification, CancellationToken.None).ConfigureAwait(false);
            }

            var replaying = _replaying;
            _replaying = null;
            replaying?.TrySetResult(accepted);
            return;
        }

        remap.Lease.Untrack(remap.OriginalId);
        if (!accepted)
        {
            FailInitialize();
            remap.Lease.Deliver(JsonSplice.Replace(json, fields.Id, Encoding.UTF8.GetBytes(remap.OriginalId.Json)));
            return;
        }

        // The child hears notifications/initialized before any session can send it a request.
        await input.SendAsync(InitializedNotification, CancellationToken.None).ConfigureAwait(false);
        TaskCompletionSource<bool>? initializing;
        lock (_gate)
        {
            _initializeResult = fields.Result.Of(json).ToArray();
            initializing = _initializing;
            _initializing = null;
        }

        remap.Lease.Deliver(JsonSplice.Replace(json, fields.Id, Encoding.UTF8.GetBytes(remap.OriginalId.Json)));
        initializing?.TrySetResult(true);
    }

    /// <summary>The child exited: only its own pending requests fail; the sessions stay and get a replacement on their next message.</summary>
    private void Gone(StdioUpstream process)
    {
        // A full fence before the scan below (see TryRemap): no request can be left waiting on a dead child.
        Interlocked.Exchange(ref _alive, 0);
        if (!_disposed)
        {
            UpstreamLog.SharedChildExited(_logger, _server.Id, process.ProcessId, _pending.Count);
        }

        foreach (var upstreamId in _pending.Keys)
        {
            if (!_pending.TryRemove(upstreamId, out var remap))
            {
                continue;
            }

            if (remap.Lease is { } lease)
            {
                lease.Untrack(remap.OriginalId);
                Answer(lease, remap.OriginalId, JsonRpcErrorCodes.UpstreamUnavailable, "The MCP server exited before answering.");
            }

            if (remap.IsInitialize)
            {
                if (remap.Lease is null)
                {
                    _replaying?.TrySetResult(false);
                }
                else
                {
                    FailInitialize();
                }
            }
        }

        _serverRequests.Clear();
    }
}
