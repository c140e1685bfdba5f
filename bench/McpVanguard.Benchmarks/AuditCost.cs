using System.Diagnostics;
using System.Text.Json;
using McpVanguard.Audit;
using McpVanguard.Audit.Integrity;

namespace McpVanguard.Benchmarks;

/// <summary>
/// What the hash chain and signed checkpoints cost the audit path: the relay-side <c>Write</c> (enqueue) per record,
/// and the writer's throughput with the chain and checkpoints against the same writer work without them
/// (serialise + append, as the sink did before). <c>dotnet McpVanguard.Benchmarks.dll audit</c>.
/// </summary>
internal static class AuditCost
{
    private const int Records = 100_000;

    public static async Task RunAsync()
    {
        var dir = Directory.CreateTempSubdirectory("vanguard-audit-cost-").FullName;
        try
        {
            using var key = AuditSigningKey.LoadOrCreate(Path.Combine(dir, "key.pem"), out _);
            for (var round = 0; round < 3; round++)
            {
                var plain = Plain(Path.Combine(dir, $"plain{round}.jsonl"));
                var (enqueue, total) = await ChainedAsync(Path.Combine(dir, $"chained{round}.jsonl"), key);
                Console.WriteLine($"round {round}: plain writer {plain.TotalMilliseconds / Records * 1000:F2} µs/record; chained+signed writer {total.TotalMilliseconds / Records * 1000:F2} µs/record (Write on the relay side {enqueue.TotalMilliseconds / Records * 1000:F3} µs/record)");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static AuditRecord Record(int i) => new()
    {
        Time = DateTimeOffset.UnixEpoch.AddSeconds(i),
        Session = "session-" + (i % 50),
        ServerId = "files",
        Direction = "agent_to_server",
        Method = "tools/call",
        Tool = "read_file",
        Verdict = i % 10 == 0 ? "block" : "allow",
        RuleIds = i % 10 == 0 ? ["PATH-001"] : [],
        Reason = i % 10 == 0 ? "Path outside every safe zone" : null,
        ArgumentsSha256 = new string('a', 64),
        InspectMicroseconds = 12.5,
    };

    /// <summary>The writer's work before the chain: serialise and append each record, flush at the end.</summary>
    private static TimeSpan Plain(string path)
    {
        var clock = Stopwatch.StartNew();
        using (var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            for (var i = 0; i < Records; i++)
            {
                file.Write(JsonSerializer.SerializeToUtf8Bytes(Record(i), AuditJson.Record));
                file.WriteByte((byte)'\n');
            }
        }

        return clock.Elapsed;
    }

    private static async Task<(TimeSpan Enqueue, TimeSpan Total)> ChainedAsync(string path, AuditSigningKey key)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan enqueue;
        await using (var sink = new AuditSink(path, long.MaxValue, 5, TextWriter.Null, AuditRetention.Unlimited, integrity: new AuditIntegrity(key, 1000, TimeSpan.FromSeconds(60))))
        {
            for (var i = 0; i < Records; i++)
            {
                sink.Write(Record(i));
                if (i % 5000 == 4999)
                {
                    // Stay under the queue's capacity (10,000): what a relay sees at a sustained rate, not an overflow to stderr.
                    await Task.Delay(1);
                }
            }

            enqueue = clock.Elapsed;
        }

        return (enqueue, clock.Elapsed);
    }
}
