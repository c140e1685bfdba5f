using System.Text.Json;
using McpVanguard.Audit;

namespace McpVanguard.Tests.Audit;

public sealed class AuditSinkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-audit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static AuditRecord Record(string verdict = "block") => new()
    {
        Time = DateTimeOffset.UnixEpoch,
        Session = "s1",
        ServerId = "default",
        Direction = "agent_to_server",
        Method = "tools/call",
        Tool = "read_file",
        Verdict = verdict,
        RuleIds = ["FS-001"],
        Reason = "Read of \"system\" account databases",
        ArgumentsSha256 = new string('a', 64),
        InspectMicroseconds = 12.5,
    };

    [Fact]
    public async Task Writes_one_json_line_per_record_and_a_human_line_per_block()
    {
        var path = Path.Combine(_dir, "audit.jsonl");
        var console = new StringWriter();
        await using (var sink = new AuditSink(path, 1024 * 1024, 3, console))
        {
            sink.Write(Record());
            sink.Write(Record("warn"));
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("block", first.GetProperty("verdict").GetString());
        Assert.Equal("FS-001", first.GetProperty("rule_ids")[0].GetString());
        Assert.Equal("read_file", first.GetProperty("tool").GetString());
        Assert.Contains("BLOCKED tools/call read_file [FS-001]", console.ToString());
        Assert.DoesNotContain("warn", console.ToString());
    }

    [Fact]
    public async Task Rotates_by_size_and_keeps_at_most_the_configured_number_of_files()
    {
        var path = Path.Combine(_dir, "audit.jsonl");
        await using (var sink = new AuditSink(path, 4096, 2, TextWriter.Null))
        {
            for (var i = 0; i < 200; i++)
            {
                sink.Write(Record("warn"));
            }
        }

        Assert.True(File.Exists(path));
        Assert.True(File.Exists(path + ".1"));
        Assert.True(File.Exists(path + ".2"));
        Assert.False(File.Exists(path + ".3"));
        Assert.All(new[] { path, path + ".1", path + ".2" }, p => Assert.True(new FileInfo(p).Length <= 4096));
    }

    [Fact]
    public async Task An_unwritable_log_sends_records_to_stderr_instead_of_losing_them()
    {
        var blocker = Path.Combine(_dir, "not-a-dir");
        File.WriteAllText(blocker, "x");
        var console = new StringWriter();
        await using (var sink = new AuditSink(Path.Combine(blocker, "audit.jsonl"), 4096, 2, console))
        {
            sink.Write(Record("warn"));
        }

        var text = console.ToString();
        Assert.Contains("cannot be written", text);
        Assert.Contains("\"rule_ids\":[\"FS-001\"]", text);
    }
}
