using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using McpVanguard.Audit;
using McpVanguard.Policy;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Sessions;

namespace McpVanguard.Benchmarks;

/// <summary>
/// The server→agent path at its largest everyday sizes: a 100-tool <c>tools/list</c> (every description and schema
/// analysed for poisoning) and a 1 MB tool result (secret scan over all of it, injection analysis within its budget).
/// </summary>
[MemoryDiagnoser]
[VanguardJob]
[MedianColumn]
public class ServerToAgentBenchmarks
{
    private static readonly JsonRpcId Id = JsonRpcId.FromNumber(Messages.RequestId);

    private RelaySession _session = null!;
    private McpRelay _relay = null!;
    private byte[] _toolsList = null!;
    private byte[] _result1M = null!;

    [GlobalSetup]
    public void Setup()
    {
        var engine = BenchEngine.Create(Profile.Balanced);
        _session = new RelaySession("bench", "default", 64, TimeSpan.FromMinutes(5));
        _relay = new McpRelay(engine, _session, new DiscardingSink(), new DiscardingSink(), NullAuditSink.Instance);
        _toolsList = ToolsList(100);
        _result1M = Result(1_000_000 - 64);
        Check(ToolsList100(), VerdictKind.Allow);
        Check(ToolResult1M(), VerdictKind.Redact);
    }

    [Benchmark(Description = "relay: tools/list with 100 tools")]
    public StepOutcome ToolsList100() => Answer("tools/list", null, _toolsList);

    [Benchmark(Description = "relay: tools/call result 1 MB (secrets masked)")]
    public StepOutcome ToolResult1M() => Answer("tools/call", "read_file", _result1M);

    private StepOutcome Answer(string method, string? tool, byte[] frame)
    {
        // The request it answers is in flight, as it would be after a forwarded request.
        _session.AgentRequests.TryAdd(new PendingRequest(Id, method, tool, "default", 0));
        var pending = _relay.FromServerAsync(frame, CancellationToken.None);
        return pending.IsCompleted ? pending.Result : throw new InvalidOperationException("The relay did not complete synchronously.");
    }

    private static void Check(StepOutcome outcome, VerdictKind expected)
    {
        if (outcome.Verdict.Kind != expected)
        {
            throw new InvalidOperationException($"Expected {expected}, got {outcome.Verdict.Label} [{string.Join(",", outcome.Verdict.RuleIds)}].");
        }
    }

    /// <summary>Realistic tools: reference-server-like descriptions, a few parameters each with descriptions and enums.</summary>
    internal static byte[] ToolsList(int count) => ToolsList(count, distinct: false);

    /// <summary>
    /// As <see cref="ToolsList(int)"/>; with <paramref name="distinct"/> every tool's description and parameter descriptions
    /// differ (they name the tool), so that no text of one definition repeats in another: the first-seen list without any
    /// analysis shared between tools.
    /// </summary>
    internal static byte[] ToolsList(int count, bool distinct)
    {
        var tools = new List<object>();
        for (var i = 0; i < count; i++)
        {
            tools.Add(new
            {
                name = $"tool_{i}_read_text_file",
                title = $"Tool {i}",
                description = "Read the complete contents of a file from the file system as text. Handles various text encodings and provides detailed error "
                    + "messages if the file cannot be read. Use this tool when you need to examine the contents of a single file. Use the 'head' parameter "
                    + "to return only the first N lines of a file, or the 'tail' parameter to return only the last N lines. Only works within allowed directories."
                    + (distinct ? $" This is variant {i} of the reader, kept for the tenant numbered {i * 7}." : string.Empty),
                inputSchema = new
                {
                    type = "object",
                    properties = new Dictionary<string, object>
                    {
                        ["path"] = new { type = "string", description = "Absolute path to the file, e.g. /home/user/project/README.md" + (distinct ? $" for reader {i}" : string.Empty) },
                        ["head"] = new { type = "number", description = "If provided, returns only the first N lines of the file" + (distinct ? $" (reader {i})" : string.Empty) },
                        ["encoding"] = new { type = "string", @enum = new[] { "utf-8", "latin1", "utf-16" }, @default = "utf-8" },
                    },
                    required = new[] { "path" },
                },
                annotations = new { readOnlyHint = true, openWorldHint = false },
            });
        }

        return JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", id = Messages.RequestId, result = new { tools } });
    }

    /// <summary>A log-like text of <paramref name="size"/> characters with one AWS key near the end.</summary>
    internal static byte[] Result(int size)
    {
        var text = new StringBuilder(size + 100);
        var line = 0;
        while (text.Length < size)
        {
            text.Append("2025-11-20 10:00:").Append(line % 60).Append(" INFO request_id=7f9c2ba4e88f827d61604550760585a1 user=ada status=200 path=/api/items?page=")
                .Append(line++).Append(" took 12ms\n");
        }

        text.Append("aws_access_key_id = AKIAZ7Q3B4XK2LMN5PQR\n");
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            jsonrpc = "2.0",
            id = Messages.RequestId,
            result = new { content = new[] { new { type = "text", text = text.ToString() } } },
        });
    }
}
