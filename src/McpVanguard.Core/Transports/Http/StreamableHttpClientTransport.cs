using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using McpVanguard.Protocol;
using McpVanguard.Relay;

namespace McpVanguard.Transports.Http;

/// <summary>
/// The client side of the MCP Streamable HTTP transport, used wherever vanguard talks to a remote server (a gateway
/// upstream, <c>vanguard scan</c>): each message is POSTed with the server's session id, protocol version and the
/// configured headers; JSON or SSE answers, and after the handshake the GET stream, come out of <see cref="ReadAsync"/>.
/// </summary>
public sealed class StreamableHttpClientTransport : IMcpTransport
{
    private const string SessionHeader = "Mcp-Session-Id";
    private const string ProtocolHeader = "MCP-Protocol-Version";

    private readonly HttpClient _http;
    private readonly bool _ownsClient;
    private readonly Uri _url;
    private readonly IReadOnlyCollection<KeyValuePair<string, string>> _headers;
    private readonly int _maxMessageBytes;
    private readonly TimeSpan _requestTimeout;
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Bounded: a server flooding answers makes its streams wait for the relay instead of growing memory.</summary>
    private readonly Channel<Frame> _incoming = Channel.CreateBounded<Frame>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.Wait });
    private string? _sessionId;
    private string? _protocolVersion;
    private int _listening;
    private int _disposed;

    /// <param name="http">Shared by the caller, or owned (<paramref name="ownsClient"/>); it must not follow redirects.</param>
    /// <param name="headers">Sent on every request (the upstream's own credentials, never the agent's).</param>
    /// <param name="requestTimeout">How long one POST may take, answer stream included.</param>
    public StreamableHttpClientTransport(HttpClient http, Uri url, IReadOnlyCollection<KeyValuePair<string, string>> headers, int maxMessageBytes, TimeSpan requestTimeout, bool ownsClient = false)
    {
        if (url.Scheme is not ("http" or "https"))
        {
            throw new UriFormatException($"'{url}' is not an http or https URL.");
        }

        _http = http;
        _ownsClient = ownsClient;
        _url = url;
        _headers = headers;
        _maxMessageBytes = maxMessageBytes;
        _requestTimeout = requestTimeout;
    }

    /// <summary>A transport with a client of its own that talks to the server the user named and nothing else: no redirects, no cookies.</summary>
    public static StreamableHttpClientTransport Connect(Uri url, int maxMessageBytes, TimeSpan requestTimeout)
        => new(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan },
            url, [], maxMessageBytes, requestTimeout, ownsClient: true);

    public IAsyncEnumerable<Frame> ReadAsync(CancellationToken cancellationToken) => _incoming.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Starts the POST and returns: the answer comes back through <see cref="ReadAsync"/>, so the relay never waits for the server to work.</summary>
    public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken)
    {
        // Without the caller's async flow: the POST outlives the request that triggered it.
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
        limit.CancelAfter(_requestTimeout);
        try
        {
            using var request = NewRequest(HttpMethod.Post);
            request.Content = new ReadOnlyMemoryContent(message.Json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Accept.ParseAdd("application/json");
            request.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            if (_sessionId is null && response.Headers.TryGetValues(SessionHeader, out var ids) && ids.FirstOrDefault() is { Length: > 0 and <= 256 } id)
            {
                // Assigned once, by the answer to initialize: a later answer cannot move the session elsewhere.
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
                await FailAsync(message.Id, $"The upstream answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.").ConfigureAwait(false);
                return;
            }

            var isInitialize = message.Method == "initialize";
            await using var body = await response.Content.ReadAsStreamAsync(limit.Token).ConfigureAwait(false);
            if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
            {
                await PumpEventsAsync(body, isInitialize, limit.Token).ConfigureAwait(false);
                return;
            }

            var json = await ReadBoundedAsync(body, limit.Token).ConfigureAwait(false);
            if (json is null)
            {
                await _incoming.Writer.WriteAsync(new Frame(null), _stop.Token).ConfigureAwait(false);
                await FailAsync(message.Id, $"The upstream's answer exceeds the message size limit of {_maxMessageBytes} bytes.").ConfigureAwait(false);
                return;
            }

            await DeliverAsync(json, isInitialize).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or ChannelClosedException)
        {
            if (message.IsRequest && !_stop.IsCancellationRequested)
            {
                await FailAsync(message.Id, "The upstream could not be reached or broke off its answer.").ConfigureAwait(false);
            }
        }
    }

    /// <summary>The standalone GET stream of the session: server requests and notifications tied to no request.</summary>
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
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    // 405: the server offers no standalone stream; everything comes on POST answers.
                    return;
                }

                await using var body = await response.Content.ReadAsStreamAsync(_stop.Token).ConfigureAwait(false);
                await PumpEventsAsync(body, isInitialize: false, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or ChannelClosedException)
            {
                // The stream ended; POST answers still work.
            }
        });
    }

    private async Task PumpEventsAsync(Stream body, bool isInitialize, CancellationToken cancellationToken)
    {
        await foreach (var frame in SseEventReader.ReadAsync(body, _maxMessageBytes, cancellationToken).ConfigureAwait(false))
        {
            if (frame.Oversized)
            {
                await _incoming.Writer.WriteAsync(frame, _stop.Token).ConfigureAwait(false);
                continue;
            }

            await DeliverAsync(frame.Data!, isInitialize).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(byte[] json, bool answersInitialize)
    {
        if (answersInitialize && _protocolVersion is null)
        {
            _protocolVersion = ReadProtocolVersion(json);
        }

        await _incoming.Writer.WriteAsync(new Frame(json), _stop.Token).ConfigureAwait(false);
    }

    /// <summary>A failure answers the waiting request through the relay, so it is matched and audited like any answer.</summary>
    private async Task FailAsync(JsonRpcId id, string reason)
    {
        try
        {
            await _incoming.Writer.WriteAsync(new Frame(JsonRpcErrorWriter.Write(id, JsonRpcErrorCodes.UpstreamUnavailable, reason)), _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            // The transport is closing: nobody is left to tell.
        }
    }

    private HttpRequestMessage NewRequest(HttpMethod method)
    {
        var request = new HttpRequestMessage(method, _url);
        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (_sessionId is { } session)
        {
            request.Headers.TryAddWithoutValidation(SessionHeader, session);
        }

        if (_protocolVersion is { } version)
        {
            request.Headers.TryAddWithoutValidation(ProtocolHeader, version);
        }

        return request;
    }

    /// <summary>The body, or null when it exceeds the message size limit (never buffered past it).</summary>
    private async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _maxMessageBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The version negotiated in the initialize result, which every later request must carry as a header. Only the answer
    /// to initialize is read for it: one extra parse per session, never one per message.
    /// </summary>
    private static string? ReadProtocolVersion(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object
                && result.TryGetProperty("protocolVersion", out var version) && version.ValueKind == JsonValueKind.String
                && version.GetString() is { Length: <= 64 } text
                ? text
                : null;
        }
        catch (JsonException)
        {
            // The relay refuses the malformed answer itself.
            return null;
        }
    }

    /// <summary>Stops every exchange, ends the server's session with a DELETE (best effort) and ends <see cref="ReadAsync"/>.</summary>
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
                using var _ = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // The server will expire the session itself.
            }
        }

        _incoming.Writer.TryComplete();
        // _stop is cancelled but not disposed: a POST still starting on another thread links to its token.
        if (_ownsClient)
        {
            _http.Dispose();
        }
    }
}
