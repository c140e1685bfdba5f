using System.Net.Sockets;
using System.Text;
using McpVanguard.Audit;
using McpVanguard.Configuration;
using McpVanguard.Gateway.Hosting;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Policy;

namespace McpVanguard.Fuzz.Targets;

/// <summary>
/// The Streamable HTTP and legacy SSE endpoints of a real gateway (the <c>vanguard serve</c> composition, on Kestrel bound
/// to 127.0.0.1 in this process, in front of a shared stand-in upstream). The input is a request: a first line
/// <c>METHOD PATH</c>, header lines, a blank line and the body; <c>{SID}</c> anywhere stands for the id of a live session so
/// that the fuzzer reaches the session paths. Oracle: every request is answered (a status line within the time bound)
/// and never with a 500 (an exception escaped the gateway's own code).
/// </summary>
internal sealed class HttpTarget : IFuzzTarget, IDisposable
{
    /// <summary>
    /// How long a request may wait for its status line (under the 15 s keep-alive, so a stream that holds its headers until
    /// the first keep-alive is caught); a stream that opened and then stays quiet is not a hang.
    /// </summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(10);

    private static readonly HashSet<string> FramingHeaders = new(StringComparer.OrdinalIgnoreCase) { "content-length", "transfer-encoding", "connection", "host", "expect" };

    private readonly GatewayServer _server;
    private readonly int _port;
    private string _liveSession;

    public HttpTarget()
    {
        var values = new Dictionary<string, object>
        {
            [ConfigurationKeys.GatewayHost] = "127.0.0.1",
            [ConfigurationKeys.GatewayPort] = "0",
            [ConfigurationKeys.ShutdownGraceMs] = "200",
            [ConfigurationKeys.AuditLog] = Path.Combine(Path.GetTempPath(), "vanguard-fuzz-audit-unused.jsonl"),
            [ConfigurationKeys.GatewayMaxSessions] = "1000",
        };
        var options = ConfigurationLoader.Load(values, new Dictionary<string, string>(), null, []);
        var upstream = Path.Combine(AppContext.BaseDirectory, "upstream.py");
        var servers = new[] { UpstreamDefinition.Stdio("echo", ["python3", "-u", upstream]) with { SharePoolSize = 1 } };
        _server = GatewayServer.Create(new GatewayHostOptions { Options = options, Servers = servers }, FuzzEngines.Create(Profile.Balanced), NullAuditSink.Instance);
        _server.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _port = new Uri(_server.Urls[0]).Port;
        _liveSession = OpenSession();
    }

    public string Name => "http";

    /// <summary><c>http://127.0.0.1:PORT</c>, for triage.</summary>
    public string BaseUrl => $"http://127.0.0.1:{_port}";

    /// <summary>The session <c>{SID}</c> stands for.</summary>
    public string LiveSession => _liveSession;

    public void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input).Replace("{SID}", _liveSession, StringComparison.Ordinal);
        var (method, path, headers, body) = Split(text);
        var answer = Send(method, path, headers, body);
        if (answer.Status == 500)
        {
            throw new InvariantBrokenException($"{method} {path} was answered 500: an exception escaped the gateway.\n{answer.Head}");
        }

        // Bounded sessions: end any session this input opened, and reopen the live one if the input ended it.
        if (answer.SessionId is { } opened && opened != _liveSession)
        {
            Send("DELETE", "/mcp", [("Mcp-Session-Id", opened)], []);
        }

        if (method == "DELETE" && text.Contains(_liveSession, StringComparison.Ordinal))
        {
            _liveSession = OpenSession();
        }
    }

    /// <summary>Stops the gateway (and with it the upstream child).</summary>
    public void Dispose() => _server.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private string OpenSession()
    {
        var body = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"fuzz","version":"1"}}}"""u8.ToArray();
        var answer = Send("POST", "/mcp", [("Accept", "application/json, text/event-stream"), ("Content-Type", "application/json")], body);
        return answer.SessionId ?? throw new InvalidOperationException($"The gateway opened no session:\n{answer.Head}");
    }

    /// <summary>Splits the input into a request; a first line that is not <c>METHOD /path</c> means a POST to /mcp with the whole input as the body.</summary>
    private static (string Method, string Path, List<(string, string)> Headers, byte[] Body) Split(string text)
    {
        var headers = new List<(string, string)>();
        var lines = text.Split('\n');
        var first = lines[0].TrimEnd('\r').Split(' ');
        if (first.Length != 2 || first[0].Length is 0 or > 10 || !first[0].All(char.IsAsciiLetterUpper) || !first[1].StartsWith('/') || first[1].Any(c => c <= ' ' || c > '~'))
        {
            return ("POST", "/mcp", [("Accept", "application/json, text/event-stream"), ("Content-Type", "application/json")], Encoding.UTF8.GetBytes(text));
        }

        var i = 1;
        for (; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                i++;
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !FramingHeaders.Contains(line[..colon].Trim()))
            {
                headers.Add((line[..colon], line[(colon + 1)..].Trim()));
            }
        }

        return (first[0], first[1], headers, Encoding.UTF8.GetBytes(string.Join('\n', lines.Skip(i))));
    }

    private Answer Send(string method, string path, List<(string Name, string Value)> headers, byte[] body)
    {
        var head = new StringBuilder();
        head.Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\nHost: 127.0.0.1:").Append(_port).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(body.Length).Append("\r\nConnection: close\r\n\r\n");
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = (int)AnswerBound.TotalMilliseconds };
        socket.Connect(System.Net.IPAddress.Loopback, _port);
        // Header values are sent as UTF-8 bytes, as a client that ignores the ASCII rule would send them.
        socket.Send([.. Encoding.UTF8.GetBytes(head.ToString()), .. body]);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (received.Length < 64 * 1024)
            {
                var n = socket.Receive(buffer);
                if (n == 0)
                {
                    break;
                }

                received.Write(buffer, 0, n);
                // A stream (GET, SSE) that has sent its headers stays open: once they are in, a short wait is enough.
                if (IndexOf(received, "\r\n\r\n"u8) >= 0)
                {
                    socket.ReceiveTimeout = 500;
                }
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut && IndexOf(received, "\r\n\r\n"u8) >= 0)
        {
            // A stream that stays open after its headers: answered.
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut)
        {
            throw new InvariantBrokenException($"{method} {path} got no answer within {AnswerBound.TotalSeconds} s ({received.Length} bytes: {Encoding.UTF8.GetString(received.ToArray())}).");
        }

        return Answer.From(Encoding.UTF8.GetString(received.ToArray()));
    }

    private static int IndexOf(MemoryStream stream, ReadOnlySpan<byte> needle) => stream.GetBuffer().AsSpan(0, (int)stream.Length).IndexOf(needle);

    private sealed record Answer(int Status, string Head, string? SessionId)
    {
        public static Answer From(string response)
        {
            var end = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var head = end >= 0 ? response[..end] : response;
            var lines = head.Split("\r\n");
            var status = lines[0].Split(' ') is [_, var code, ..] && int.TryParse(code, out var parsed) ? parsed : 0;
            var session = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Equals("Mcp-Session-Id", StringComparison.OrdinalIgnoreCase)).Select(p => p[1].Trim()).FirstOrDefault();
            return new Answer(status, head, session);
        }
    }
}
