using System.Net;
using System.Net.Http.Headers;
using McpVanguard.Protocol;
using McpVanguard.Relay;

namespace McpVanguard.Gateway.Upstreams;

/// <summary>
/// A session's link to a remote Streamable HTTP server: each message is POSTed with the upstream's own session id and
/// the configured credentials (never the client's), JSON or SSE answers go to the relay, and after the handshake a GET
/// stream carries the server's own messages.
/// </summary>
/// <param name="requestTimeout">How long one POST to the upstream may take, answer stream included (the gateway's upstream timeout).</param>
internal sealed class HttpUpstreamConnection(HttpClient http, UpstreamDefinition definition, int maxMessageBytes, TimeSpan requestTimeout) : IUpstreamConnection
{
    private const string SessionHeader = "Mcp-Session-Id";
    private const string ProtocolHeader = "MCP-Protocol-Version";

    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private McpRelay? _relay;
    private string? _sessionId;
    private int _listening;
    private int _disposed;

    public Task RunAsync(McpRelay relay)
    {
        _relay = relay;
        return _ended.Task;
    }

    public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken)
    {
        // The relay must not wait for the upstream to work: the answer comes back through the relay on its own.
        // The POST runs without the caller's async flow so that nothing it answers is mistaken for that caller's.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => PostAsync(message), CancellationToken.None);
        }

        return ValueTask.CompletedTask;
    }

    private async Task PostAsync(RelayMessage message)
    {
        // Bounded like the client's wait: an upstream that never answers must not hold a connection for the session's life.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        limit.CancelAfter(requestTimeout);
        try
        {
            using var request = NewRequest(HttpMethod.Post);
            request.Content = new ReadOnlyMemoryContent(message.Json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Accept.ParseAdd("application/json");
            request.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            if (response.Headers.TryGetValues(SessionHeader, out var ids) && ids.FirstOrDefault() is { Length: > 0 } id)
            {
                _sessionId = id;
            }

            if (response.StatusCode == HttpStatusCode.Accepted || !message.IsRequest)
            {
                if (message.Method == "notifications/initialized")
                {
                    StartListening();
                }

                return;
            }

            if (!response.IsSuccessStatusCode)
            {
                await FailAsync(message.Id, $"The upstream answered HTTP {(int)response.StatusCode}.").ConfigureAwait(false);
                return;
            }

            await using var body = await response.Content.ReadAsStreamAsync(limit.Token).ConfigureAwait(false);
            if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
            {
                await PumpEventsAsync(body, limit.Token).ConfigureAwait(false);
                return;
            }

            var json = await ReadBoundedAsync(body, limit.Token).ConfigureAwait(false);
            await _relay!.FromServerAsync(json, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidDataException or OperationCanceledException)
        {
            if (message.IsRequest && !_stop.IsCancellationRequested)
            {
                await FailAsync(message.Id, "The upstream could not be reached or broke off its answer.").ConfigureAwait(false);
            }
        }
    }

    /// <summary>The standalone GET stream of the upstream session: server requests and notifications tied to no request.</summary>
    private void StartListening()
    {
        if (Interlocked.Exchange(ref _listening, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                using var request = NewRequest(HttpMethod.Get);
                request.Headers.Accept.ParseAdd("text/event-stream");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    // 405: the upstream offers no standalone stream; everything comes on POST answers.
                    return;
                }

                await using var body = await response.Content.ReadAsStreamAsync(_stop.Token).ConfigureAwait(false);
                await PumpEventsAsync(body, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidDataException or OperationCanceledException)
            {
                // The stream ended; POST answers still work.
            }
        });
    }

    private async Task PumpEventsAsync(Stream body, CancellationToken cancellationToken)
    {
        await foreach (var data in SseEventReader.ReadAsync(body, maxMessageBytes, cancellationToken).ConfigureAwait(false))
        {
            await _relay!.FromServerAsync(data, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private HttpRequestMessage NewRequest(HttpMethod method)
    {
        var request = new HttpRequestMessage(method, definition.Url);
        foreach (var (name, value) in definition.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (_sessionId is { } session)
        {
            request.Headers.TryAddWithoutValidation(SessionHeader, session);
        }

        // Negotiated in the initialize result, which the relay read when it passed.
        if (_relay?.Session.ProtocolVersion is { } version)
        {
            request.Headers.TryAddWithoutValidation(ProtocolHeader, version);
        }

        return request;
    }

    /// <summary>An upstream failure answers the waiting request through the relay, so it is matched and audited like any answer.</summary>
    private async Task FailAsync(JsonRpcId id, string reason)
    {
        if (_relay is { } relay)
        {
            await relay.FromServerAsync(JsonRpcErrorWriter.Write(id, JsonRpcErrorCodes.UpstreamUnavailable, reason), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<byte[]> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxMessageBytes)
            {
                throw new InvalidDataException($"The upstream's answer exceeds the message size limit of {maxMessageBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Stops every exchange and ends the upstream session with a DELETE (best effort).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_sessionId is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var request = NewRequest(HttpMethod.Delete);
                using var _ = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // The upstream will expire the session itself.
            }
        }

        _ended.TrySetResult();
    }
}
