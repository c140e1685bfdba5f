using System.Diagnostics;
using System.Text.Json;
using McpVanguard.Audit;
using McpVanguard.Audit.Integrity;

namespace McpVanguard.Benchmarks;

/// <summary>
/// What the hash chain and signed checkpoints cost the audit writer (a background task: the relay's <c>Write</c> only
/// enqueues and is unchanged): per record, serialise + append as before against serialise + link + append in batches
/// under the lock with a signed checkpoint every 1,000 records. <c>dotnet McpVanguard.Benchmarks.dll audit</c>.
/// </summary>
internal static class AuditCost
{
    private const int Records = 100_000;

    public static Task RunAsync()
    {
        var dir = Directory.CreateTempSubdirectory("vanguard-audit-cost-").FullName;
        try
        {
            using var key = AuditSigningKey.LoadOrCreate(Path.Combine(dir, "key.pem"), out _);
            for (var round = 0; round < 5; round++)
            {
                var plain = Plain(Path.Combine(dir, $"plain{round}.jsonl"));
                var chained = Chained(Path.Combine(dir, $"chained{round}.jsonl"), key);
                Console.WriteLine($"round {round}: plain writer {plain.TotalMilliseconds / Records * 1000:F2} µs/record; chained + signed writer {chained.TotalMilliseconds / Records * 1000:F2} µs/record");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        return Task.CompletedTask;
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

    /// <summary>The writer's work with the chain: batches of 512 under the lock (tail read once each), a signed checkpoint every 1,000 records.</summary>
    private static TimeSpan Chained(string path, AuditSigningKey key)
    {
        var clock = Stopwatch.StartNew();
        using var file = new ChainedAuditFile(path, long.MaxValue, 5, TimeSpan.Zero);
        using var checkpoints = new AuditCheckpointWriter(path, long.MaxValue, 5, new AuditIntegrity(key, 1000, TimeSpan.FromHours(1)), TimeProvider.System);
        for (var i = 0; i < Records; i += 512)
        {
            file.BeginBatch();
            for (var j = i; j < Math.Min(Records, i + 512); j++)
            {
                var record = Record(j);
                file.Append(JsonSerializer.SerializeToUtf8Bytes(record, AuditJson.Record), out var seq, out var hash);
                checkpoints.Appended(file, record, seq, hash, receipt: true, TextWriter.Null);
            }

            if (checkpoints.Due())
            {
                checkpoints.Write(TextWriter.Null);
            }

            file.EndBatch();
        }

        return clock.Elapsed;
    }
}
