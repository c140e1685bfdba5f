using System.Text.Json;
using McpVanguard.Audit;

namespace McpVanguard.Tests.Audit;

/// <summary>
/// A disk that fails part-way (full, yanked, read-only remount) must not cost a single audit record: each one is either a
/// whole line of the log or a line on stderr, and the writer goes on when the disk recovers.
/// </summary>
public sealed class AuditDiskFailureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-audit-disk-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static AuditRecord Block(int n) => new()
    {
        Time = DateTimeOffset.UnixEpoch,
        Session = "s1",
        ServerId = "default",
        Direction = "agent_to_server",
        Method = "tools/call",
        Tool = "read_file",
        RequestId = "req-" + n,
        Verdict = n % 2 == 0 ? "block" : "warn",
        RuleIds = ["FS-001"],
        Reason = "Read of a credential file",
    };

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task Every_record_reaches_the_log_or_stderr_when_writes_fail_part_way(int failEvery)
    {
        var path = Path.Combine(_dir, "audit.jsonl");
        var disk = new FlakyDisk(failEvery);
        var console = new StringWriter();
        var unlimited = AuditRetention.Default with { PerSessionPerKind = int.MaxValue, PerKind = int.MaxValue };
        const int Count = 200;
        await using (var sink = new AuditSink(path, 64 * 1024 * 1024, 3, console, unlimited, time: null, integrity: null, open: disk.Open))
        {
            for (var i = 0; i < Count; i++)
            {
                sink.Write(Block(i));
            }
        }

        var inLog = WholeLines(path).Select(static l => RequestId(l)).ToHashSet();
        var onStderr = console.ToString().Split('\n')
            .Where(static l => l.StartsWith("[vanguard] audit (", StringComparison.Ordinal))
            .Select(static l => RequestId(l[(l.IndexOf("): ", StringComparison.Ordinal) + 3)..]))
            .ToHashSet();

        Assert.True(disk.Failures > 0, "the disk never failed: the test proves nothing");
        var lost = Enumerable.Range(0, Count).Select(static i => "req-" + i).Where(id => !inLog.Contains(id) && !onStderr.Contains(id)).ToList();
        Assert.Empty(lost);
        // The writer kept going between failures: records after the first failure still reached the file.
        Assert.Contains("req-" + (Count - 1), inLog.Concat(onStderr));
        Assert.True(inLog.Any(id => int.Parse(id![4..], System.Globalization.CultureInfo.InvariantCulture) > Count / 2), "nothing after the first failures reached the log");
    }

    /// <summary>Lines that parse as a whole record (a failed write may leave one torn line, which verify reports).</summary>
    private static IEnumerable<string> WholeLines(string path)
    {
        foreach (var line in File.ReadAllLines(path))
        {
            string? parsed = null;
            try
            {
                using var document = JsonDocument.Parse(line);
                parsed = line;
            }
            catch (JsonException)
            {
            }

            if (parsed is not null)
            {
                yield return parsed;
            }
        }
    }

    private static string? RequestId(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
    }

    /// <summary>A file system whose every n-th write fails after writing part of its bytes, like a disk that runs full.</summary>
    private sealed class FlakyDisk(int failEvery)
    {
        private int _writes;

        public int Failures { get; private set; }

        public Stream Open(string path) => new FlakyStream(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0), this);

        private bool NextWriteFails() => ++_writes % failEvery == 0 && ++Failures > 0;

        private sealed class FlakyStream(FileStream inner, FlakyDisk disk) : Stream
        {
            public override bool CanRead => false;
            public override bool CanSeek => true;
            public override bool CanWrite => true;
            public override long Length => inner.Length;
            public override long Position { get => inner.Position; set => inner.Position = value; }
            public override void Flush() => inner.Flush();
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
            public override void SetLength(long value) => inner.SetLength(value);

            public override void Write(byte[] buffer, int offset, int count)
            {
                if (disk.NextWriteFails())
                {
                    inner.Write(buffer, offset, count / 2);
                    throw new IOException("No space left on device");
                }

                inner.Write(buffer, offset, count);
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    inner.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }
}
