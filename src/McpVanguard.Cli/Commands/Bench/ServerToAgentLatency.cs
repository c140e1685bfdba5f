using System.Text;
using McpVanguard.Inspection;
using McpVanguard.Relay;

namespace McpVanguard.Cli.Commands.Bench;

/// <summary>
/// The server→agent side of <c>bench latency</c>: what the real relay step costs for what servers send back (a tool
/// result with a page of source text, a 100-tool <c>tools/list</c>), each answering a request the relay saw first, as in
/// a session. Only the answer's step is timed; forwarding goes to a sink that drops the bytes.
/// </summary>
internal static class ServerToAgentLatency
{
    public static IReadOnlyList<(string Name, string Method, Func<int, byte[]> Answer)> Mix { get; } =
    [
        ("tool result, 4 KB of source", "tools/call", id => Utf8($$$"""{"jsonrpc":"2.0","id":{{{id}}},"result":{"content":[{"type":"text","text":"{{{SourceText(4 * 1024)}}}"}],"isError":false}}""")),
        ("tools/list, 100 tools", "tools/list", id => Utf8($$$"""{"jsonrpc":"2.0","id":{{{id}}},"result":{"tools":[{{{string.Join(',', Enumerable.Range(0, 100).Select(Tool))}}}]}}""")),
    ];

    /// <summary>Times <paramref name="iterations"/> answers of each kind after a warm-up, through one relay session per kind.</summary>
    public static async Task<IReadOnlyList<LayerTimings>> MeasureAsync(InspectionEngine engine, int iterations, CancellationToken cancellationToken)
    {
        var results = new List<LayerTimings>();
        foreach (var (name, method, answer) in Mix)
        {
            var timings = new LayerTimings($"whole server→agent relay step: {name}");
            var session = new RelaySession("bench-s2a", "default", 64, TimeSpan.FromMinutes(1));
            var relay = new McpRelay(engine, session, DroppingSink.Instance, DroppingSink.Instance, Audit.NullAuditSink.Instance);
            var warmUp = Math.Min(200, iterations);
            for (var i = 0; i < warmUp + iterations; i++)
            {
                var request = method == "tools/call"
                    ? $$$$"""{"jsonrpc":"2.0","id":{{{{i}}}},"method":"tools/call","params":{"name":"read_file","arguments":{"path":"src/app.py"}}}"""
                    : $$$"""{"jsonrpc":"2.0","id":{{{i}}},"method":"tools/list"}""";
                await relay.FromAgentAsync(Utf8(request), cancellationToken);
                var frame = answer(i);
                if (i < warmUp)
                {
                    await relay.FromServerAsync(frame, cancellationToken);
                    continue;
                }

                await timings.MeasureAsync(async () => await relay.FromServerAsync(frame, cancellationToken));
            }

            results.Add(timings);
        }

        return results;
    }

    private static string Tool(int n) =>
        $$$"""{"name":"tool_{{{n}}}","description":"Returns the records of project {{{n}}} that match a filter, newest first, at most 50 per page.","inputSchema":{"type":"object","properties":{"filter":{"type":"string","description":"A field=value filter."},"page":{"type":"integer"}},"required":["filter"]}}""";

    private static string SourceText(int chars)
    {
        const string line = "def render(invoice):\\n    lines = group_by_rate(invoice.lines)\\n    return table(lines, currency=invoice.currency)\\n";
        var s = new StringBuilder(chars + line.Length);
        while (s.Length < chars)
        {
            s.Append(line);
        }

        return s.ToString();
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private sealed class DroppingSink : IMessageSink
    {
        public static readonly DroppingSink Instance = new();

        public ValueTask SendAsync(RelayMessage message, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
