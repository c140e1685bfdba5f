using System.Text;
using System.Text.Json;
using McpVanguard.Integrity;

namespace McpVanguard.Tests.Integrity;

public sealed class PinStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vanguard-pins-").FullName;

    private string PinPath => Path.Combine(_folder, "state", "pins.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ObservedTool Tool(string name, string description, int index = 0)
        => new(name, index, ToolFingerprint.CanonicalJson(JsonDocument.Parse($$"""{"name":"{{name}}","description":"{{description}}"}""").RootElement));

    [Fact]
    public void AnInMemoryStoreCatchesDriftAndWritesNoFile()
    {
        var store = PinStore.InMemory();
        var key = new ServerKey("server-id:default", "s", "default");

        Assert.True(store.Observe(key, [Tool("t", "d")], complete: true, holdNewTools: false).FirstSight);
        var drift = store.Observe(key, [Tool("t", "changed")], complete: true, holdNewTools: false);
        store.Flush();

        Assert.True(store.IsInMemory);
        Assert.Null(store.FilePath);
        Assert.Equal(PinChange.Changed, Assert.Single(drift.Changes).Change);
        Assert.Single(store.Snapshot().Servers);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void ResettingAnInMemoryStoreForgetsEveryPin()
    {
        var store = PinStore.InMemory();
        var key = new ServerKey("server-id:default", "s", "default");
        store.Observe(key, [Tool("t", "d")], complete: true, holdNewTools: false);

        store.Reset();

        Assert.Empty(store.Snapshot().Servers);
        Assert.True(store.Observe(key, [Tool("t", "changed")], complete: true, holdNewTools: false).FirstSight);
    }

    [Fact]
    public void AStoreWithAFileCannotBeReset()
    {
        var store = new PinStore(PinPath);
        store.Observe(new ServerKey("u", "s", "default"), [Tool("t", "d")], complete: true, holdNewTools: false);
        store.Flush();

        Assert.Throws<InvalidOperationException>(store.Reset);
        Assert.Single(PinStore.ReadFile(PinPath).Servers);
    }

    [Fact]
    public void AnInMemoryStoreStaysWithinItsServerLimit()
    {
        var store = PinStore.InMemory(limits: new PinStoreLimits(MaxServers: 3));

        for (var i = 0; i < 10; i++)
        {
            store.Observe(new ServerKey($"server-{i}", "s", "default"), [Tool("t", "d")], complete: true, holdNewTools: false);
        }

        Assert.Equal(3, store.Snapshot().Servers.Count);
    }

    [Fact]
    public void ConcurrentSessionsOfManyServersLoseNoServer()
    {
        // Two stores on one file stand for two vanguard processes; the threads for the gateway's concurrent sessions.
        var stores = new[] { new PinStore(PinPath), new PinStore(PinPath) };

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            stores[i % 2].Observe(new ServerKey($"server-{i}", "s", "default"), [Tool("t", "d")], complete: true, holdNewTools: false));
        Parallel.ForEach(stores, static s => s.Flush());

        var file = PinStore.ReadFile(PinPath);
        Assert.Equal(40, file.Servers.Count);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(PinPath)!, "*.tmp"));
    }

    [Fact]
    public void ServersBeyondTheLimitEvictTheOneSeenLongestAgo()
    {
        var time = new ManualTime();
        var store = new PinStore(PinPath, limits: new PinStoreLimits(MaxServers: 2), time: time);

        foreach (var name in new[] { "a", "b", "c" })
        {
            store.Observe(new ServerKey(name, null, "default"), [Tool("t", "d")], complete: true, holdNewTools: false);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        store.Flush();

        Assert.Equal(["b", "c"], PinStore.ReadFile(PinPath).Servers.Keys.Order());
    }

    [Fact]
    public void LargeDefinitionsArePinnedByFingerprintOnly()
    {
        var store = new PinStore(PinPath, limits: new PinStoreLimits(MaxDefinitionBytes: 16));

        store.Observe(new ServerKey("a", null, "default"), [Tool("t", "a long description")], complete: true, holdNewTools: false);
        store.Flush();

        var pin = PinStore.ReadFile(PinPath).Servers["a"].Tools["t"];
        Assert.Null(pin.Definition);
        Assert.Equal(64, pin.Sha256.Length);
    }

    [Fact]
    public void ReadOnlyStoreComparesButNeverWrites()
    {
        var store = new PinStore(PinPath, readOnly: true);

        var first = store.Observe(new ServerKey("a", null, "default"), [Tool("t", "one")], complete: true, holdNewTools: false);
        var second = store.Observe(new ServerKey("a", null, "default"), [Tool("t", "two")], complete: true, holdNewTools: false);

        store.Flush();

        Assert.True(first.FirstSight);
        Assert.Equal(PinChange.Changed, Assert.Single(second.Changes).Change);
        Assert.False(File.Exists(PinPath));
    }

    [Fact]
    public void FileIsPlainSnakeCaseJson()
    {
        var store = new PinStore(PinPath);
        store.Observe(new ServerKey("node s.js", "srv", "default"), [Tool("t", "d")], complete: true, holdNewTools: false);
        store.Flush();

        var text = File.ReadAllText(PinPath, Encoding.UTF8);
        Assert.Contains("\"servers\"", text, StringComparison.Ordinal);
        Assert.Contains("\"server_name\": \"srv\"", text, StringComparison.Ordinal);
        Assert.Contains("\"sha256\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownVersionIsRefusedWithTheFileName()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PinPath)!);
        File.WriteAllText(PinPath, """{"version":99,"servers":{}}""");

        var ex = Assert.Throws<PinStoreException>(() => PinStore.ReadFile(PinPath));
        Assert.Contains(PinPath, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AVersionOneFileLoadsAndItsServerTrustsItsFirstPromptListOnFirstUse()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PinPath)!);
        var v1 = new PinStore(PinPath);
        var key = new ServerKey("node s.js", "srv", "default");
        v1.Observe(key, [Tool("t", "d")], complete: true, holdNewTools: false);
        v1.Flush();
        // What a version-1 vanguard wrote: tools only.
        File.WriteAllText(PinPath, File.ReadAllText(PinPath).Replace("\"version\": 2", "\"version\": 1", StringComparison.Ordinal));
        Assert.Equal(1, PinStore.ReadFile(PinPath).Version);

        var store = new PinStore(PinPath);
        var prompts = store.Observe(key, PinnedList.Prompts, [Tool("p", "d")], complete: true, hold: null);
        var tools = store.Observe(key, [Tool("t", "d")], complete: true, holdNewTools: false);
        store.Flush();

        Assert.True(prompts.FirstSight);
        Assert.Empty(prompts.Changes);
        Assert.Empty(tools.Changes);
        var file = PinStore.ReadFile(PinPath);
        Assert.Equal(PinFile.CurrentVersion, file.Version);
        Assert.Equal(["p"], file.Servers.Single().Value.Prompts!.Pins.Keys);
        Assert.Equal(["t"], file.Servers.Single().Value.Tools.Keys);
    }

    [Fact]
    public void ApprovingOneKindLeavesTheSameNameOfAnotherKindPending()
    {
        var store = PinStore.InMemory();
        var key = new ServerKey("server-id:default", "s", "default");
        store.Observe(key, [Tool("x", "d")], complete: true, holdNewTools: false);
        store.Observe(key, PinnedList.Prompts, [Tool("x", "d")], complete: true, hold: null);
        store.Observe(key, [Tool("x", "changed")], complete: true, holdNewTools: false);
        store.Observe(key, PinnedList.Prompts, [Tool("x", "changed")], complete: true, hold: null);

        var approved = store.Approve(null, "x", PinKind.Prompt);

        Assert.Equal(["prompt:x"], approved.Single().Value);
        Assert.False(store.IsHeld(key, PinKind.Prompt, "x"));
        Assert.True(store.IsHeld(key, PinKind.Tool, "x"));
        Assert.Equal("changed", store.Snapshot().Servers.Single().Value.Prompts!.Pins["x"].Definition!.Value.GetProperty("description").GetString());
    }

    [Fact]
    public void AResourceListBeyondTheLimitIsNotHeld()
    {
        var store = PinStore.InMemory(limits: new PinStoreLimits(MaxToolsPerServer: 2));
        var key = new ServerKey("server-id:default", "s", "default");
        List<ObservedTool> many = [Tool("a", "d", 0), Tool("b", "d", 1), Tool("c", "d", 2)];

        var first = store.Observe(key, PinnedList.Resources, many, complete: true, hold: null);
        var again = store.Observe(key, PinnedList.Resources, many, complete: true, hold: null);

        Assert.Empty(first.Changes);
        Assert.Empty(again.Changes);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
