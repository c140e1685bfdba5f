using System.Text;
using McpVanguard.Dashboard.Audit;

namespace McpVanguard.EndToEnd.Dashboard;

/// <summary>
/// The dashboard's view of the audit log without a browser: 100,000 records indexed (offsets only) and paged back from
/// disk, filters, following appends and rotation, and the bounded tables behind the Overview.
/// </summary>
public sealed class AuditIndexTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("vanguard-ui-index-");

    public void Dispose() => _folder.Dispose();

    private string Log => _folder.File("audit.jsonl");

    private static string Line(int i, string verdict, string tool = "read_file", string rule = "FS-001", string session = "s1")
        => $$"""{"time":"2026-12-07T10:{{(i / 60) % 60:00}}:{{i % 60:00}}Z","session":"{{session}}","server_id":"fs","direction":"agent_to_server","method":"tools/call","tool":"{{tool}}","id":"{{i}}","verdict":"{{verdict}}","rule_ids":[{{(verdict == "allow" ? "" : $"\"{rule}\"")}}],"reason":"r{{i}}","args_sha256":"{{new string('c', 64)}}","inspect_us":{{10 + (i % 100)}}}""";

    private (AuditIndex Index, AuditAggregates Aggregates, List<AuditSummary> Appended) Open()
    {
        var aggregates = new AuditAggregates(TimeProvider.System);
        var appended = new List<AuditSummary>();
        var index = new AuditIndex(() => [.. new[] { Log + ".1", Log }.Where(File.Exists)], Log, aggregates, appended.Add);
        index.Rebuild();
        return (index, aggregates, appended);
    }

    [Fact]
    public void AHundredThousandRecordsAreIndexedPagedFilteredAndCounted()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            text.Append(Line(i, i % 10 == 0 ? "block" : "allow", tool: i % 1000 == 0 ? "rare_tool" : "read_file")).Append('\n');
        }

        // A torn last line (the writer is mid-record) is not a record yet.
        File.WriteAllText(Log, text + "{\"time\":\"2026-12");
        var (index, aggregates, _) = Open();

        Assert.Equal(100_000, index.Size.Count);
        var (newest, next) = index.Page(AuditQuery.None, null, 50);
        Assert.Equal(50, newest.Count);
        Assert.Equal("99999", IdOf(index, newest[0]));
        Assert.Equal(99_950, next);
        var (older, _) = index.Page(AuditQuery.None, next, 50);
        Assert.Equal(99_949, older[0].Sequence);

        // A rare filter looks at 20,000 records a page at most, then links on: the 100 matches come in five pages.
        var rare = new AuditQuery("block", null, null, "rare_tool", null);
        var (first, after) = index.Page(rare, null, 50);
        Assert.Equal(20, first.Count);
        Assert.Equal(80_000, after);
        var matches = new List<AuditSummary>(first);
        while (after is { } before)
        {
            var (page, following) = index.Page(rare, before, 50);
            matches.AddRange(page);
            after = following;
        }

        Assert.Equal(100, matches.Count);
        Assert.All(matches, static r => Assert.Equal(("block", "rare_tool"), (r.Verdict, r.Tool)));
        Assert.Equal(100, matches.Select(static r => r.Sequence).Distinct().Count());

        var overview = aggregates.Snapshot();
        Assert.Equal(100_000, overview.Records);
        Assert.Equal(10_000, overview.ByVerdict["block"]);
        Assert.Equal(90_000, overview.ByVerdict["allow"]);
        Assert.Equal(10_000, aggregates.Hits("FS-001"));
        Assert.Equal("read_file", overview.TopTools[0].Key);
        Assert.InRange(overview.P50Microseconds!.Value, 50, 70);
        Assert.InRange(overview.P99Microseconds!.Value, 100, 120);
    }

    [Fact]
    public void AppendsAreFollowedAndARotationIsIndexedAgain()
    {
        File.WriteAllText(Log, Line(0, "allow") + "\n");
        var (index, aggregates, appended) = Open();
        Assert.Equal(1, index.Size.Count);

        File.AppendAllText(Log, Line(1, "block") + "\n" + Line(2, "warn"));
        index.CatchUp();
        Assert.Equal(["block"], appended.Select(static r => r.Verdict));
        File.AppendAllText(Log, "\n");
        index.CatchUp();
        Assert.Equal(["block", "warn"], appended.Select(static r => r.Verdict));

        // The sink renames the live file to .1 and starts a new one: nothing is lost or counted twice.
        File.Move(Log, Log + ".1");
        File.WriteAllText(Log, Line(3, "block") + "\n");
        index.CatchUp();
        Assert.Equal(4, index.Size.Count);
        Assert.Equal(2, aggregates.Snapshot().ByVerdict["block"]);
        Assert.Equal(["3", "2", "1", "0"], index.Page(AuditQuery.None, null, 10).Records.Select(r => IdOf(index, r)));
    }

    [Fact]
    public void TheCountersStayBounded()
    {
        var counter = new BoundedCounter(3);
        foreach (var key in new[] { "a", "b", "c", "d", "e", "a" })
        {
            counter.Add(key);
        }

        Assert.Equal(4, counter.Count);
        Assert.Equal(2, counter["a"]);
        Assert.Equal(2, counter[BoundedCounter.Other]);
    }

    [Fact]
    public void ANonRecordLineIsSkippedAndCounted()
    {
        File.WriteAllText(Log, "not json\n" + Line(0, "block") + "\n[1,2]\n");
        var (index, _, _) = Open();
        Assert.Equal(1, index.Size.Count);
        Assert.Equal(2, index.Skipped);
    }

    /// <summary>The record's JSON-RPC id, read back from disk (the summary keeps no id; the detail's reason holds it).</summary>
    private static string IdOf(AuditIndex index, AuditSummary record) => index.Find(record.Sequence)!.Reason![1..];
}
