using System.Text.Json;
using McpVanguard.Integrity;

namespace McpVanguard.Tests.Integrity;

/// <summary>
/// Two pin stores (two gateway instances) sharing one ledger: a rug pull seen through one is held through the other, an
/// approval through one is honoured by the other's next comparison, and neither an emptied ledger nor an outage loses an
/// acknowledged approval or invents one.
/// </summary>
public sealed class SharedPinsTests : IDisposable
{
    private static readonly ServerKey Key = new("node server.js", "srv", "default");

    private readonly string _folder = Directory.CreateTempSubdirectory("vanguard-shared-pins-").FullName;

    private readonly List<PinStore> _stores = [];

    public void Dispose()
    {
        // Pins are written in the background (also after a change arrives from the ledger): finish before deleting.
        foreach (var store in _stores)
        {
            store.Flush();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A last background write still holds the folder; the temporary folder is left to the OS.
        }
    }

    private static ObservedTool Tool(string name, string description, int index = 0)
        => new(name, index, ToolFingerprint.CanonicalJson(JsonDocument.Parse($$"""{"name":"{{name}}","description":"{{description}}"}""").RootElement));

    private PinStore Instance(string name, InMemoryPinLedger ledger, bool fallBack = true)
    {
        var store = new PinStore(Path.Combine(_folder, name, "pins.json"));
        store.ShareThrough(ledger, fallBack);
        _stores.Add(store);
        return store;
    }

    [Fact]
    public void A_rug_pull_seen_through_one_instance_is_held_through_the_other()
    {
        var ledger = new InMemoryPinLedger();
        var a = Instance("a", ledger);
        var b = Instance("b", ledger);
        Assert.True(a.Observe(Key, [Tool("t", "honest")], complete: true, holdNewTools: false).FirstSight);
        Assert.Equal(PinChange.Changed, Assert.Single(a.Observe(Key, [Tool("t", "poisoned")], complete: true, holdNewTools: false).Changes).Change);

        // B never saw the honest definition: alone it would trust the poisoned one on first use.
        Assert.Null(b.SyncShared());
        Assert.True(b.IsHeld(Key, PinKind.Tool, "t"));
        var seenByB = b.Observe(Key, [Tool("t", "poisoned")], complete: true, holdNewTools: false);
        Assert.False(seenByB.FirstSight);
        Assert.Equal(PinChange.Changed, Assert.Single(seenByB.Changes).Change);
    }

    [Fact]
    public void An_approval_through_one_instance_is_honoured_by_the_others_next_comparison()
    {
        var ledger = new InMemoryPinLedger();
        var a = Instance("a", ledger);
        var b = Instance("b", ledger);
        a.Observe(Key, [Tool("t", "v1")], complete: true, holdNewTools: false);
        b.Observe(Key, [Tool("t", "v2")], complete: true, holdNewTools: false);

        Assert.Equal(["t"], a.Approve(null, "t")[Key.Identity]);

        Assert.Empty(b.Observe(Key, [Tool("t", "v2")], complete: true, holdNewTools: false).Changes);
        Assert.False(b.IsHeld(Key, PinKind.Tool, "t"));
        // Drift from the approved definition is still drift.
        Assert.Equal(PinChange.Changed, Assert.Single(b.Observe(Key, [Tool("t", "v3")], complete: true, holdNewTools: false).Changes).Change);
    }

    [Fact]
    public void An_emptied_ledger_is_reseeded_from_the_pin_files_and_keeps_the_approval_and_the_hold()
    {
        var ledger = new InMemoryPinLedger();
        var a = Instance("a", ledger);
        var b = Instance("b", ledger);
        a.Observe(Key, [Tool("t", "v1"), Tool("u", "v1", 1)], complete: true, holdNewTools: false);
        a.Observe(Key, [Tool("t", "v2"), Tool("u", "v2", 1)], complete: true, holdNewTools: false);
        a.Approve(null, "t");
        Assert.Null(b.SyncShared());
        b.Flush();

        // Redis restarted without persistence; instance B restarts from its own pin file.
        ledger.Clear();
        var restartedB = Instance("b", ledger);
        Assert.Null(restartedB.SyncShared());

        Assert.NotEmpty(ledger.Versions());
        var observed = restartedB.Observe(Key, [Tool("t", "v2"), Tool("u", "v2", 1)], complete: true, holdNewTools: false);
        Assert.Equal("u", Assert.Single(observed.Changes).Tool);
        Assert.False(restartedB.IsHeld(Key, PinKind.Tool, "t"));
        Assert.True(restartedB.IsHeld(Key, PinKind.Tool, "u"));
    }

    [Fact]
    public void Strict_does_not_compare_and_refuses_approvals_while_the_ledger_is_down()
    {
        var ledger = new InMemoryPinLedger();
        var a = Instance("a", ledger, fallBack: false);
        a.Observe(Key, [Tool("t", "v1")], complete: true, holdNewTools: false);
        a.Observe(Key, [Tool("t", "v2")], complete: true, holdNewTools: false);
        ledger.Down = true;

        Assert.NotNull(a.Observe(Key, [Tool("t", "v3")], complete: true, holdNewTools: false).Error);
        var refused = Assert.Throws<PinStoreException>(() => a.Approve(null, "t"));
        Assert.Contains("nothing approved", refused.Message, StringComparison.Ordinal);

        ledger.Down = false;
        Assert.True(a.IsHeld(Key, PinKind.Tool, "t"));
        Assert.Single(a.Approve(null, "t"));
    }

    [Fact]
    public void Balanced_compares_locally_while_the_ledger_is_down_and_shares_the_pending_change_when_it_is_back()
    {
        var ledger = new InMemoryPinLedger();
        var a = Instance("a", ledger);
        var b = Instance("b", ledger);
        a.Observe(Key, [Tool("t", "v1")], complete: true, holdNewTools: false);
        Assert.Null(b.SyncShared());
        ledger.Down = true;

        var during = a.Observe(Key, [Tool("t", "v2")], complete: true, holdNewTools: false);
        Assert.Null(during.Error);
        Assert.Equal(PinChange.Changed, Assert.Single(during.Changes).Change);
        Assert.Throws<PinStoreException>(() => a.Approve(null, "t"));

        ledger.Down = false;
        Assert.Null(a.SyncShared());
        Assert.Null(b.SyncShared());
        Assert.True(b.IsHeld(Key, PinKind.Tool, "t"));
        // Merged as pending, never as an approval.
        Assert.Equal(PinChange.Changed, Assert.Single(b.Observe(Key, [Tool("t", "v2")], complete: true, holdNewTools: false).Changes).Change);
    }

    [Fact]
    public void Concurrent_changes_of_one_server_through_two_instances_are_both_kept()
    {
        var ledger = new InMemoryPinLedger();
        var a = Instance("a", ledger);
        var b = Instance("b", ledger);
        a.Observe(Key, [Tool("t", "v1"), Tool("u", "v1", 1)], complete: true, holdNewTools: false);
        Assert.Null(b.SyncShared());

        // A records a change and B takes it in; B, during an outage, is served the approved t (one server, two answers)
        // and records a change of its own. Before, B seeing the approved t lifted A's hold on it for every instance
        // (whenever B's background pull had run before the outage: this test failed now and then).
        a.Observe(Key, [Tool("t", "v2"), Tool("u", "v1", 1)], complete: true, holdNewTools: false);
        Assert.Null(b.SyncShared());
        ledger.Down = true;
        b.Observe(Key, [Tool("t", "v1"), Tool("u", "v2", 1)], complete: false, holdNewTools: false);
        ledger.Down = false;
        Assert.Null(b.SyncShared());
        Assert.Null(a.SyncShared());

        Assert.True(a.IsHeld(Key, PinKind.Tool, "t"));
        Assert.True(a.IsHeld(Key, PinKind.Tool, "u"));
        Assert.True(b.IsHeld(Key, PinKind.Tool, "t"));
    }

    [Fact]
    public void The_merge_keeps_the_later_pin_and_never_turns_a_pending_change_into_an_approval()
    {
        var t0 = DateTimeOffset.UnixEpoch.AddDays(1);
        var shared = new PinnedServer { Upstream = "u" };
        shared.Tools["old"] = new PinnedTool("o", null, t0);
        shared.Pending["old"] = new PendingChange(PinChange.Changed, "s", null, t0.AddHours(1), t0.AddHours(1));
        shared.Tools["approved"] = new PinnedTool("new", null, t0.AddHours(3));
        var local = new PinnedServer { Upstream = "u" };
        local.Tools["old"] = new PinnedTool("o", null, t0);
        local.Tools["approved"] = new PinnedTool("old-def", null, t0);
        local.Pending["approved"] = new PendingChange(PinChange.Changed, "new", null, t0.AddHours(2), t0.AddHours(2));

        var merged = PinEntryMerge.Merge(shared, local);

        Assert.Equal("o", merged.Tools["old"].Sha256);
        Assert.Equal("s", merged.Pending["old"].Sha256);
        Assert.Equal("new", merged.Tools["approved"].Sha256);
        Assert.False(merged.Pending.ContainsKey("approved"));
    }
}
