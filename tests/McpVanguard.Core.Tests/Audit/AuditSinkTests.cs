using System.Text.Json;
using McpVanguard.Audit;

namespace McpVanguard.Tests.Audit;

public sealed class AuditSinkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-audit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static AuditRecord Record(string verdict = "block", string session = "s1", string rule = "FS-001", string tool = "read_file", string? id = null) => new()
    {
        Time = DateTimeOffset.UnixEpoch,
        Session = session,
        ServerId = "default",
        Direction = "agent_to_server",
        Method = "tools/call",
        Tool = tool,
        RequestId = id,
        Verdict = verdict,
        RuleIds = [rule],
        Reason = "Read of \"system\" account databases",
        ArgumentsSha256 = new string('a', 64),
        InspectMicroseconds = 12.5,
    };

    [Fact]
    public async Task Two_sinks_on_one_log_keep_each_others_records()
    {
        // Two processes on one log (a `vanguard start` per server, `vanguard ui` approving a pin): each sink opened the file
        // before the other wrote; neither may overwrite the other's lines.
        var path = Path.Combine(_dir, "audit.jsonl");
        await using (var first = new AuditSink(path, 1024 * 1024, 3, TextWriter.Null))
        await using (var second = new AuditSink(path, 1024 * 1024, 3, TextWriter.Null))
        {
            first.Write(Record(session: "a1"));
            await LinesAsync(path, 1);
            second.Write(Record(session: "b1"));
            await LinesAsync(path, 2);
            first.Write(Record(session: "a2"));
            await LinesAsync(path, 3);
        }

        var sessions = File.ReadAllLines(path).Select(static l => JsonDocument.Parse(l).RootElement.GetProperty("session").GetString()).ToList();
        Assert.Equal(["a1", "b1", "a2"], sessions);
    }

    /// <summary>Waits (generous deadline, no timing assertion) until the sinks' own tasks wrote <paramref name="count"/> lines.</summary>
    private static async Task LinesAsync(string path, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((!File.Exists(path) || File.ReadAllLines(path).Length < count) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

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
        await using (var sink = new AuditSink(path, 4096, 2, TextWriter.Null, AuditRetention.Unlimited))
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

    [Fact]
    public async Task A_newline_in_a_tool_name_cannot_forge_a_stderr_line()
    {
        var console = new StringWriter();
        await using (var sink = new AuditSink(Path.Combine(_dir, "audit.jsonl"), 1024 * 1024, 3, console))
        {
            sink.Write(Record(tool: "x\n[vanguard] BLOCKED tools/call innocent [NONE]: \u001B[2J\u202Eforged"));
        }

        var lines = console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains("x\\n[vanguard] BLOCKED tools/call innocent", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', line);
        Assert.DoesNotContain('\u202E', line);
    }

    [Fact]
    public async Task Repeats_of_one_kind_in_one_session_are_capped_and_summarised()
    {
        var path = Path.Combine(_dir, "audit.jsonl");
        var console = new StringWriter();
        var retention = AuditRetention.Default with { PerSessionPerKind = 5, PerKind = 1000 };
        await using (var sink = new AuditSink(path, 1024 * 1024, 3, console, retention))
        {
            for (var i = 0; i < 100; i++)
            {
                sink.Write(Record());
            }

            // Another kind, and the same kind from another session, have budgets of their own.
            sink.Write(Record(rule: "EXF-001", tool: "send_email"));
            sink.Write(Record(session: "s2"));
        }

        var records = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, records.Count(r => r.GetProperty("session").GetString() == "s1" && r.GetProperty("verdict").GetString() == "block" && r.GetProperty("rule_ids")[0].GetString() == "FS-001"));
        var summary = Assert.Single(records, r => r.GetProperty("verdict").GetString() == "summary");
        Assert.Equal(95, summary.GetProperty("suppressed").GetInt32());
        Assert.Equal("block", summary.GetProperty("suppressed_verdict").GetString());
        Assert.Equal("s1", summary.GetProperty("session").GetString());
        Assert.Single(records, r => r.GetProperty("rule_ids")[0].GetString() == "EXF-001");
        Assert.Single(records, r => r.GetProperty("session").GetString() == "s2");

        // stderr gets the same cap: five human lines of the flood, one summary line, not a hundred.
        var human = console.ToString();
        Assert.Equal(5 + 2, human.Split('\n').Count(l => l.Contains("BLOCKED tools/call", StringComparison.Ordinal)));
        Assert.Contains("95 more BLOCKED [FS-001] suppressed", human, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_capped_flood_is_bounded_in_what_is_written_and_in_its_summary()
    {
        // The throttle counts a record before its fields are bounded (a suppressed record is never scanned): what reaches
        // the file, the records and the summary alike, is still bounded, and the session is cut once, not twice.
        var path = Path.Combine(_dir, "audit.jsonl");
        var longSession = new string('s', 300);
        const string Token = "ghp_Zx81Kq7Lm2Np4Rt6Vw9Yb3Cd5Ef7Gh0Jk2Ab";
        var retention = AuditRetention.Default with { PerSessionPerKind = 2, PerKind = 1000 };
        await using (var sink = new AuditSink(path, 1024 * 1024, 3, TextWriter.Null, retention))
        {
            for (var i = 0; i < 20; i++)
            {
                sink.Write(Record(session: longSession) with { ServerId = "srv-" + Token, Reason = "reason " + Token });
            }
        }

        var text = File.ReadAllText(path);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        var records = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, records.Count(r => r.GetProperty("verdict").GetString() == "block"));
        var summary = Assert.Single(records, r => r.GetProperty("verdict").GetString() == "summary");
        Assert.Equal(18, summary.GetProperty("suppressed").GetInt32());
        Assert.Contains("[REDACTED:github-token]", summary.GetProperty("server_id").GetString(), StringComparison.Ordinal);
        foreach (var record in records)
        {
            var session = record.GetProperty("session").GetString()!;
            Assert.Equal(1, session.Split("[truncated:").Length - 1);
            Assert.StartsWith(new string('s', AuditFieldBounds.MaxIdentifierChars) + "…[truncated: 300 chars", session, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Many_sessions_repeating_one_kind_are_capped_by_the_all_sessions_budget()
    {
        var path = Path.Combine(_dir, "audit.jsonl");
        var retention = AuditRetention.Default with { PerSessionPerKind = 2, PerKind = 10 };
        await using (var sink = new AuditSink(path, 1024 * 1024, 3, TextWriter.Null, retention))
        {
            for (var i = 0; i < 50; i++)
            {
                sink.Write(Record(session: $"s{i}"));
            }
        }

        var records = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(10, records.Count(r => r.GetProperty("verdict").GetString() == "block"));
        var summary = Assert.Single(records, r => r.GetProperty("verdict").GetString() == "summary");
        Assert.Equal("*", summary.GetProperty("session").GetString());
        Assert.Equal(40, summary.GetProperty("suppressed").GetInt32());
    }

    [Fact]
    public async Task Decisions_are_also_kept_in_the_decisions_file_and_allows_are_not()
    {
        var path = Path.Combine(_dir, "audit.jsonl");
        await using (var sink = new AuditSink(path, 1024 * 1024, 3, TextWriter.Null))
        {
            sink.Write(Record("allow"));
            sink.Write(Record("block"));
            sink.Write(Record("warn", rule: "SEC-009"));
        }

        Assert.Equal(Path.Combine(_dir, "audit.decisions.jsonl"), AuditSink.DecisionsPath(path));
        var decisions = File.ReadAllLines(AuditSink.DecisionsPath(path)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("verdict").GetString()).ToList();
        Assert.Equal(["block", "warn"], decisions);
        Assert.Equal(3, File.ReadAllLines(path).Length);
    }

    [Fact]
    public async Task Noise_that_rotates_the_main_log_away_cannot_rotate_an_earlier_block_out_of_the_decisions_file()
    {
        var path = Path.Combine(_dir, "audit.jsonl");
        var console = new StringWriter();

        // A tiny log (16 KB x 2) and generous caps, so that distinct-kind noise rotates the main log many times over.
        var retention = AuditRetention.Default with { PerSessionPerKind = 1000, PerKind = 1000 };
        await using (var sink = new AuditSink(path, 16 * 1024, 2, console, retention))
        {
            sink.Write(Record(rule: "EXF-001", tool: "send_email", id: "\"exfil\""));
            for (var i = 0; i < 2000; i++)
            {
                sink.Write(Record(rule: $"NOISE-{i % 50:000}", id: $"\"noise-{i}\""));
            }
        }

        var mainLog = new[] { path, path + ".1", path + ".2" }.Where(File.Exists).SelectMany(File.ReadAllLines);
        Assert.DoesNotContain(mainLog, l => l.Contains("EXF-001", StringComparison.Ordinal));

        var decisions = AuditSink.DecisionsPath(path);
        var kept = new[] { decisions, decisions + ".1", decisions + ".2" }.Where(File.Exists).SelectMany(File.ReadAllLines);
        Assert.Contains(kept, l => l.Contains("EXF-001", StringComparison.Ordinal));
        Assert.Contains("is full of recent records", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_protection_the_decisions_file_rotates_like_the_main_log()
    {
        var path = Path.Combine(_dir, "audit.jsonl");
        var retention = AuditRetention.Default with { PerSessionPerKind = 1000, PerKind = 1000, DecisionsMinAge = TimeSpan.Zero };
        await using (var sink = new AuditSink(path, 16 * 1024, 2, TextWriter.Null, retention))
        {
            sink.Write(Record(rule: "EXF-001"));
            for (var i = 0; i < 2000; i++)
            {
                sink.Write(Record(rule: $"NOISE-{i % 50:000}"));
            }
        }

        // The control for the test above: the same flood does erase the block when decisions are not protected.
        var decisions = AuditSink.DecisionsPath(path);
        var kept = new[] { decisions, decisions + ".1", decisions + ".2" }.Where(File.Exists).SelectMany(File.ReadAllLines);
        Assert.DoesNotContain(kept, l => l.Contains("EXF-001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_fallback_to_stderr_is_one_line_per_record_whatever_the_fields_hold()
    {
        var blocker = Path.Combine(_dir, "not-a-dir");
        File.WriteAllText(blocker, "x");
        var console = new StringWriter();
        await using (var sink = new AuditSink(Path.Combine(blocker, "audit.jsonl"), 4096, 2, console))
        {
            sink.Write(Record("warn", tool: "a\nb\u2028c\u202Ed"));
        }

        var fallback = Assert.Single(console.ToString().Split('\n'), l => l.Contains("audit (audit log unwritable)", StringComparison.Ordinal));
        Assert.DoesNotContain('\u2028', fallback);
        Assert.DoesNotContain('\u202E', fallback);
    }

    [Fact]
    public async Task Allows_audited_on_request_are_not_capped()
    {
        var path = Path.Combine(_dir, "audit.jsonl");
        var retention = AuditRetention.Default with { PerSessionPerKind = 2, PerKind = 2 };
        await using (var sink = new AuditSink(path, 1024 * 1024, 3, TextWriter.Null, retention))
        {
            for (var i = 0; i < 30; i++)
            {
                sink.Write(Record("allow", rule: "none"));
            }
        }

        Assert.Equal(30, File.ReadAllLines(path).Length);
    }

    [Fact]
    public async Task Every_record_names_the_vanguard_version_that_wrote_it()
    {
        var path = Path.Combine(_dir, "audit.jsonl");
        await using (var sink = new AuditSink(path, 1024 * 1024, 3, TextWriter.Null))
        {
            sink.Write(Record("block"));
            sink.Write(Record("allow", rule: "none"));
        }

        var versions = File.ReadAllLines(path).Select(static l => JsonDocument.Parse(l).RootElement.GetProperty("vanguard").GetString()).ToList();
        Assert.Equal([McpVanguard.VanguardVersion.Text, McpVanguard.VanguardVersion.Text], versions);
        Assert.Matches(@"^\d+\.\d+\.\d+", McpVanguard.VanguardVersion.Text);
    }
}
