using McpVanguard.Relay;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using McpVanguard.Transports;

namespace McpVanguard.Scanning;

/// <summary>
/// A Streamable HTTP server for a scan: each message is POSTed; the answer comes back as JSON or as a server-sent event
/// stream, whose messages are queued for <see cref="ReceiveAsync"/>. The session id and protocol version are echoed.
/// </summary>
public sealed class HttpScanConnection : IScanConnection
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly int _maxMessageBytes;

    /// <summary>Bounded: a server flooding events makes the sender wait instead of growing memory.</summary>
    private readonly Channel<Frame> _incoming = Channel.CreateBounded<Frame>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.Wait });
    private string? _sessionId;
    private string? _protocolVersion;

    private HttpScanConnection(Uri url, int maxMessageBytes)
    {
        // A scan talks to the server the user named and nothing else: no redirects to other hosts.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };
        _url = url;
        _maxMessageBytes = maxMessageBytes;
    }

    public static HttpScanConnection Create(Uri url, int maxMessageBytes)
        => url.Scheme is "http" or "https" ? new HttpScanConnection(url, maxMessageBytes) : throw new UriFormatException($"'{url}' is not an http or https URL.");

    public async ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ReadOnlyMemoryContent(message.Json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (_sessionId is not null)
        {
            request.Headers.TryAddWithoutValidation("Mcp-Session-Id", _sessionId);
        }

        if (_protocolVersion is not null)
        {
            request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", _protocolVersion);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.Headers.TryGetValues("Mcp-Session-Id", out var ids))
        {
            _sessionId ??= ids.FirstOrDefault();
        }

        if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
        {
            return;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ScanException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {_url}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            await ReadEventsAsync(body, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await QueueAsync(await ReadBoundedAsync(body, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
    }

    public IAsyncEnumerable<Frame> ReceiveAsync(CancellationToken cancellationToken) => _incoming.Reader.ReadAllAsync(cancellationToken);

    public Task<string> DescribeCloseAsync() => Task.FromResult("the HTTP connection was closed");

    public async ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        if (_sessionId is not null)
        {
            try
            {
                // Ends the session on the server; a failure changes nothing for the scan.
                using var end = new HttpRequestMessage(HttpMethod.Delete, _url);
                end.Headers.TryAddWithoutValidation("Mcp-Session-Id", _sessionId);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var _ = await _http.SendAsync(end, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // Best effort.
            }
        }

        _http.Dispose();
    }

    /// <summary>Queues each event's <c>data</c> (lines joined with newlines) as one message; ids, retries and comments are ignored.</summary>
    private async Task ReadEventsAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    await QueueAsync(Encoding.UTF8.GetBytes(data.ToString()), cancellationToken).ConfigureAwait(false);
                    data.Clear();
                }

                continue;
            }

            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (data.Length > 0)
                {
                    data.Append('\n');
                }

                data.Append(line.AsSpan(line.Length > 5 && line[5] == ' ' ? 6 : 5));
                if (data.Length > _maxMessageBytes)
                {
                    // Cut off, like an oversized stdio line: reported, never buffered further.
                    await _incoming.Writer.WriteAsync(new Frame(null), cancellationToken).ConfigureAwait(false);
                    return;
                }
            }
        }

        if (data.Length > 0)
        {
            await QueueAsync(Encoding.UTF8.GetBytes(data.ToString()), cancellationToken).ConfigureAwait(false);
        }
    }

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

    private async Task QueueAsync(byte[]? message, CancellationToken cancellationToken)
    {
        if (message is { Length: > 0 } && _protocolVersion is null)
        {
            RememberProtocolVersion(message);
        }

        if (message is null || message.Length > 0)
        {
            await _incoming.Writer.WriteAsync(new Frame(message), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The version negotiated in the initialize result, which every later request must carry as a header.</summary>
    private void RememberProtocolVersion(byte[] message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("result", out var result)
                && result.ValueKind == JsonValueKind.Object && result.TryGetProperty("protocolVersion", out var version) && version.ValueKind == JsonValueKind.String)
            {
                _protocolVersion = version.GetString();
            }
        }
        catch (JsonException)
        {
            // The relay reports malformed messages.
        }
    }
}
