using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpVanguard.Audit;
using McpVanguard.Audit.Integrity;
using Microsoft.Extensions.Time.Testing;

namespace McpVanguard.Tests.Audit.Integrity;

/// <summary>The hash chain and signed checkpoints written by the real sink, and what the verifier finds after tampering.</summary>
public sealed class AuditChainTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-chain-").FullName;

    public AuditChainTests()
    {
        Key = AuditSigningKey.LoadOrCreate(System.IO.Path.Combine(_dir, "keys", "audit.pem"), out _);
    }

    private AuditSigningKey Key { get; }

    private string Log => System.IO.Path.Combine(_dir, "audit.jsonl");

    public void Dispose()
    {
        Key.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static AuditRecord Record(int i, string verdict = "block") => new()
    {
        Time = DateTimeOffset.UnixEpoch.AddSeconds(i),
        Session = "s" + i,
        ServerId = "files",
        Direction = "agent_to_server",
        Method = "tools/call",
        Tool = "read_file",
        Verdict = verdict,
        RuleIds = ["FS-001"],
        Reason = "record " + i,
        ArgumentsSha256 = new string('a', 64),
    };

    private AuditIntegrity Signed(int every = 1000, IAuditReceiptSink? receipts = null) => new(Key, every, TimeSpan.FromHours(1), receipts);

    private async Task WriteAsync(int count, long maxBytes = 1024 * 1024, AuditIntegrity? integrity = null, int from = 0, string verdict = "block")
    {
        await using var sink = new AuditSink(Log, maxBytes, 5, TextWriter.Null, AuditRetention.Unlimited, integrity: integrity ?? Signed());
        for (var i = from; i < from + count; i++)
        {
            sink.Write(Record(i, verdict));
        }
    }

    private AuditVerification Verify() => AuditChainVerifier.Verify(Log, PublicKey());

    private ECDsa PublicKey()
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(AuditSigningKey.PublicPath(Key.Path)));
        return key;
    }

    [Fact]
    public async Task Every_line_links_to_the_previous_one_and_the_shutdown_checkpoint_covers_the_last()
    {
        await WriteAsync(20);

        var lines = File.ReadAllLines(Log);
        Assert.Equal(20, lines.Length);
        for (var i = 1; i < lines.Length; i++)
        {
            var record = JsonDocument.Parse(lines[i]).RootElement;
            Assert.Equal(i + 1, record.GetProperty("seq").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines[i - 1]))), record.GetProperty("prev").GetString());
        }

        Assert.Equal(AuditChainLine.Genesis, JsonDocument.Parse(lines[0]).RootElement.GetProperty("prev").GetString());
        var result = Verify();
        Assert.True(result.Intact, string.Join('\n', result.Problems));
        var main = Assert.Single(result.Chains, c => c.Log == "audit.jsonl");
        Assert.Equal((20, 20L), (main.CheckpointsVerified > 0 ? 20 : 0, main.CoveredSeq));
        Assert.Contains(result.Chains, c => c.Log == "audit.decisions.jsonl" && c.LastSeq == 20 && c.CoveredSeq == 20);
    }

    [Fact]
    public async Task An_edited_record_is_named_by_file_line_and_record()
    {
        await WriteAsync(10);
        var lines = File.ReadAllLines(Log);
        lines[4] = lines[4].Replace("\"block\"", "\"allow\"", StringComparison.Ordinal);
        File.WriteAllLines(Log, lines);

        var problem = Assert.Single(Verify().Problems);
        Assert.Equal(("audit.jsonl", 5L, (long?)5), (problem.File, problem.Line, problem.Seq));
        Assert.Contains("edited", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_of_the_last_record_is_caught_by_the_checkpoint()
    {
        await WriteAsync(10);
        var lines = File.ReadAllLines(Log);
        lines[^1] = lines[^1].Replace("record 9", "record X", StringComparison.Ordinal);
        File.WriteAllLines(Log, lines);

        var problem = Assert.Single(Verify().Problems);
        Assert.Equal((10L, (long?)10), (problem.Line, problem.Seq));
        Assert.Contains("differs from the checkpoint", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_record_is_named()
    {
        await WriteAsync(10);
        var lines = File.ReadAllLines(Log).ToList();
        lines.RemoveAt(3);
        File.WriteAllLines(Log, lines);

        var problem = Assert.Single(Verify().Problems);
        Assert.Equal((4L, (long?)5), (problem.Line, problem.Seq));
        Assert.Contains("records 4–4 are missing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reordered_records_are_named()
    {
        await WriteAsync(10);
        var lines = File.ReadAllLines(Log);
        (lines[5], lines[6]) = (lines[6], lines[5]);
        File.WriteAllLines(Log, lines);

        var problems = Verify().Problems;
        Assert.Contains(problems, p => p.Line == 7 && p.Message.Contains("out of order", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_truncated_log_ends_before_its_checkpoint()
    {
        await WriteAsync(10);
        File.WriteAllLines(Log, File.ReadAllLines(Log)[..7]);

        var problem = Assert.Single(Verify().Problems);
        Assert.Contains("truncated", problem.Message, StringComparison.Ordinal);
        Assert.Contains("covers 10 records, the log ends at record 7", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recomputed_chain_still_fails_the_signed_checkpoint()
    {
        // An attacker without the key edits a record and re-links every line after it: the chain holds, the signature does not.
        await WriteAsync(5);
        var lines = File.ReadAllLines(Log);
        lines[1] = lines[1].Replace("\"block\"", "\"allow\"", StringComparison.Ordinal);
        for (var i = 2; i < lines.Length; i++)
        {
            var prev = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines[i - 1])));
            lines[i] = lines[i][..lines[i].LastIndexOf("\"prev\":\"", StringComparison.Ordinal)] + $"\"prev\":\"{prev}\"}}";
        }

        File.WriteAllLines(Log, lines);

        var problem = Assert.Single(Verify().Problems);
        Assert.Equal((long?)5, problem.Seq);
        Assert.Contains("differs from the checkpoint", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chain_continues_across_rotation_and_the_live_file_links_to_the_rotated_one()
    {
        await WriteAsync(60, maxBytes: 4096);

        Assert.True(File.Exists(Log + ".1"));
        var lastRotated = File.ReadAllLines(Log + ".1")[^1];
        var firstLive = JsonDocument.Parse(File.ReadAllLines(Log)[0]).RootElement;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lastRotated))), firstLive.GetProperty("prev").GetString());
        var result = Verify();
        Assert.True(result.Intact, string.Join('\n', result.Problems));
    }

    [Fact]
    public async Task A_record_removed_from_a_rotated_file_is_named_in_that_file()
    {
        await WriteAsync(60, maxBytes: 4096);
        var rotated = File.ReadAllLines(Log + ".1").ToList();
        rotated.RemoveAt(2);
        File.WriteAllLines(Log + ".1", rotated);

        var problem = Assert.Single(Verify().Problems, p => p.File == "audit.jsonl.1");
        Assert.Contains("missing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_continues_the_chain_of_the_file_it_finds()
    {
        await WriteAsync(5);
        await WriteAsync(5, from: 5);

        var lines = File.ReadAllLines(Log);
        Assert.Equal(10, JsonDocument.Parse(lines[^1]).RootElement.GetProperty("seq").GetInt64());
        Assert.True(Verify().Intact, string.Join('\n', Verify().Problems));
    }

    [Fact]
    public async Task Two_writers_sharing_one_log_keep_one_chain()
    {
        // What several `vanguard start` processes with the default audit log do: the lock makes each batch continue the file's real tail.
        await using (var first = new AuditSink(Log, 1024 * 1024, 5, TextWriter.Null, AuditRetention.Unlimited, integrity: Signed()))
        await using (var second = new AuditSink(Log, 1024 * 1024, 5, TextWriter.Null, AuditRetention.Unlimited, integrity: Signed()))
        {
            var a = Task.Run(() =>
            {
                for (var i = 0; i < 300; i++)
                {
                    first.Write(Record(i));
                }
            }, TestContext.Current.CancellationToken);
            var b = Task.Run(() =>
            {
                for (var i = 0; i < 300; i++)
                {
                    second.Write(Record(1000 + i));
                }
            }, TestContext.Current.CancellationToken);
            await Task.WhenAll(a, b);
        }

        Assert.Equal(600, File.ReadAllLines(Log).Length);
        var result = Verify();
        Assert.True(result.Intact, string.Join('\n', result.Problems));
    }

    [Fact]
    public async Task Records_of_an_older_version_before_the_chain_are_counted_not_flagged()
    {
        File.WriteAllText(Log, """{"time":"2026-01-01T00:00:00+00:00","session":"old","server_id":"x","direction":"agent_to_server","verdict":"block","rule_ids":[]}""" + "\n");
        await WriteAsync(3);

        var result = Verify();
        Assert.True(result.Intact, string.Join('\n', result.Problems));
        Assert.Equal(1, Assert.Single(result.Chains, c => c.Log == "audit.jsonl").Unchained);
    }

    [Fact]
    public async Task A_torn_last_line_is_ended_and_reported_and_the_chain_goes_on()
    {
        await WriteAsync(3);
        File.AppendAllText(Log, """{"time":"2026-01-01T""");
        await WriteAsync(2, from: 3);

        var lines = File.ReadAllLines(Log);
        Assert.Equal(6, lines.Length);
        var problem = Assert.Single(Verify().Problems);
        Assert.Equal(4L, problem.Line);
        Assert.Contains("not a JSON record", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoints_signed_by_another_key_or_forged_do_not_verify()
    {
        await WriteAsync(4);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var wrong = AuditChainVerifier.Verify(Log, other);
        Assert.Contains(wrong.Problems, p => p.Message.Contains("signed by another key", StringComparison.Ordinal));

        var checkpoints = AuditCheckpointWriter.CheckpointsPath(Log);
        var lines = File.ReadAllLines(checkpoints);
        lines[^1] = lines[^1].Replace("\"seq\":4", "\"seq\":3", StringComparison.Ordinal);
        File.WriteAllLines(checkpoints, lines);
        Assert.Contains(Verify().Problems, p => p.Message.Contains("invalid signature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_key_the_chain_is_written_and_no_checkpoint_is_made()
    {
        await WriteAsync(3, integrity: AuditIntegrity.ChainOnly);

        Assert.False(File.Exists(AuditCheckpointWriter.CheckpointsPath(Log)));
        Assert.True(Verify().Intact);
    }

    [Fact]
    public async Task A_checkpoint_is_made_after_the_configured_number_of_records_without_waiting_for_shutdown()
    {
        var checkpoints = AuditCheckpointWriter.CheckpointsPath(Log);
        await using var sink = new AuditSink(Log, 1024 * 1024, 5, TextWriter.Null, AuditRetention.Unlimited, integrity: Signed(every: 3));
        for (var i = 0; i < 3; i++)
        {
            sink.Write(Record(i));
        }

        await WaitForAsync(() => File.Exists(checkpoints) && File.ReadAllLines(checkpoints).Any(l => l.Contains("\"log\":\"audit.jsonl\"", StringComparison.Ordinal)));
        var checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(File.ReadAllLines(checkpoints).First(l => l.Contains("\"log\":\"audit.jsonl\"", StringComparison.Ordinal)))!;
        Assert.Equal(3, checkpoint.Seq);
    }

    [Fact]
    public async Task A_checkpoint_is_made_when_the_interval_passes_with_records_pending()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var checkpoints = AuditCheckpointWriter.CheckpointsPath(Log);
        await using var sink = new AuditSink(Log, 1024 * 1024, 5, TextWriter.Null, AuditRetention.Unlimited, time, new AuditIntegrity(Key, 1000, TimeSpan.FromSeconds(30)));
        sink.Write(Record(1));
        await WaitForAsync(() => File.Exists(Log) && File.ReadAllLines(Log).Length == 1);
        Assert.False(File.Exists(checkpoints));

        // The writer waits on the fake clock; advancing it past the interval makes the checkpoint due.
        await WaitForAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(31));
            return File.Exists(checkpoints);
        });
        Assert.Contains("\"seq\":1", File.ReadAllText(checkpoints), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipts_name_each_block_by_its_place_in_the_chain_and_carry_the_checkpoints()
    {
        var path = System.IO.Path.Combine(_dir, "receipts.jsonl");
        await using (var sink = new AuditSink(Log, 1024 * 1024, 5, TextWriter.Null, AuditRetention.Unlimited, integrity: Signed(receipts: new JsonlReceiptSink(path))))
        {
            sink.Write(Record(1));
            sink.Write(Record(2, "warn"));
            sink.Write(Record(3));
        }

        var receipts = File.ReadAllLines(path).Select(l => JsonSerializer.Deserialize<AuditReceipt>(l)!).ToList();
        var blocks = receipts.Where(r => r.Type == "block").ToList();
        Assert.Equal([1L, 3L], blocks.Select(b => b.Seq));
        var lines = File.ReadAllLines(Log);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines[2]))), blocks[1].Hash);
        Assert.Equal(["FS-001"], blocks[1].RuleIds!);
        Assert.Contains(receipts, r => r.Type == "checkpoint" && r.Log == "audit.jsonl" && r.Seq == 3 && r.Checkpoint!.VerifiesWith(PublicKey(), Key.KeyId));
    }

    [Fact]
    public void The_key_is_created_owner_only_with_its_public_half_beside_it()
    {
        Assert.True(File.Exists(AuditSigningKey.PublicPath(Key.Path)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Key.Path));
            Assert.False(AuditSigningKey.IsExposed(Key.Path));
            File.SetUnixFileMode(Key.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
            Assert.True(AuditSigningKey.IsExposed(Key.Path));
        }

        using var again = AuditSigningKey.LoadOrCreate(Key.Path, out var created);
        Assert.False(created);
        Assert.Equal(Key.KeyId, again.KeyId);
    }

    [Fact]
    public void A_key_file_that_is_not_an_ec_private_key_is_a_clear_error()
    {
        var path = System.IO.Path.Combine(_dir, "bad.pem");
        File.WriteAllText(path, File.ReadAllText(AuditSigningKey.PublicPath(Key.Path)));
        var error = Assert.Throws<AuditKeyException>(() => AuditSigningKey.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_holder_of_the_lock_is_recognised_as_contention()
    {
        var path = System.IO.Path.Combine(_dir, "x.lock");
        using var held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var error = Assert.ThrowsAny<IOException>(() => new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        Assert.True(AuditFileLock.IsContention(error), $"{error.GetType()} {error.HResult}: {error.Message}");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, patience.Token);
        }
    }
}
