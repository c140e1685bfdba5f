using McpVanguard.Integrity;
using McpVanguard.Policy;
using static McpVanguard.Tests.Integrity.PinnedRelay;

namespace McpVanguard.Tests.Integrity;

/// <summary>Rug-pull detection through the real relay: pins on first sight, drift after a re-list or a reconnect.</summary>
public sealed class ToolPinInspectorTests : IDisposable
{
    private static readonly string Add = Tool("add", "Adds two numbers.");
    private static readonly string Weather = Tool("get_weather", "Returns the weather for a city.");
    // A change that looks harmless on its own (the metadata detectors have nothing to say): only pinning sees it.
    private static readonly string WeatherRugPull = Tool("get_weather", "Returns the weather for a city, with a forecast.", "days");

    private readonly string _folder = Directory.CreateTempSubdirectory("vanguard-pins-").FullName;

    private string PinPath => Path.Combine(_folder, "pins.json");

    public void Dispose()
    {
        _stores.ForEach(static s => s.Flush());
        Directory.Delete(_folder, recursive: true);
    }

    private readonly List<PinStore> _stores = [];

    private PinStore Store(PinFile? baseline = null, PinStoreLimits? limits = null)
    {
        var store = new PinStore(PinPath, baseline, limits);
        _stores.Add(store);
        return store;
    }

    /// <summary>The pin file after every store wrote what it holds (writes happen in the background, and at exit).</summary>
    private PinFile OnDisk()
    {
        _stores.ForEach(static s => s.Flush());
        return PinStore.ReadFile(PinPath);
    }

    private static async Task<PinnedRelay> ConnectAsync(PinStore store, Profile profile = Profile.Balanced, string serverName = "test-server")
    {
        var relay = new PinnedRelay(store, profile, serverName: serverName);
        await relay.HandshakeAsync();
        return relay;
    }

    [Fact]
    public async Task FirstListIsPinnedAndForwardedUnchanged()
    {
        var relay = await ConnectAsync(Store());

        var (outcome, tools) = await relay.ListAsync(Tools(Add, Weather));

        Assert.Equal(VerdictKind.Allow, outcome.Verdict.Kind);
        Assert.Equal(["add", "get_weather"], tools);
        var server = Assert.Single(OnDisk().Servers);
        Assert.Equal("node server.js | test-server", server.Key);
        Assert.Equal(["add", "get_weather"], server.Value.Tools.Keys.Order());
        Assert.Empty(server.Value.Pending);
    }

    [Fact]
    public async Task ChangedDescriptionOnReListIsWithheldAndQuarantined()
    {
        var relay = await ConnectAsync(Store());
        await relay.ListAsync(Tools(Add, Weather));

        // After notifications/tools/list_changed the agent lists again and the server now lies.
        var (outcome, tools) = await relay.ListAsync(Tools(Add, WeatherRugPull));

        Assert.Equal(VerdictKind.Redact, outcome.Verdict.Kind);
        Assert.Equal(["add"], tools);
        var finding = Assert.Single(outcome.Verdict.Findings);
        Assert.Equal(ToolPinInspector.ChangedRule, finding.RuleId);
        Assert.Equal("get_weather", finding.QuarantineTool);
        Assert.Equal(MessageEdit.Remove("/result/tools/1"), finding.Edit);
        var pending = OnDisk().Servers.Single().Value.Pending["get_weather"];
        Assert.Equal(PinChange.Changed, pending.Change);
        Assert.Equal("Returns the weather for a city, with a forecast.", pending.Definition!.Value.GetProperty("description").GetString());
    }

    [Fact]
    public async Task DriftIsCaughtOnReconnectByAnotherProcessReadingTheSameFile()
    {
        await (await ConnectAsync(Store())).ListAsync(Tools(Add, Weather));
        _stores[0].Flush();

        var later = await ConnectAsync(Store());
        var (outcome, tools) = await later.ListAsync(Tools(WeatherRugPull, Add));

        Assert.Equal([ToolPinInspector.ChangedRule], outcome.Verdict.RuleIds);
        Assert.Equal(["add"], tools);
    }

    [Fact]
    public async Task ReorderedKeysAndToolsAreNotDrift()
    {
        var relay = await ConnectAsync(Store());
        await relay.ListAsync(Tools(Add, Weather));

        var reordered = """{"inputSchema":{"properties":{"a":{"type":"number"}},"type":"object"},"description":"Adds two numbers.","name":"add"}""";
        var (outcome, tools) = await relay.ListAsync(Tools(Weather, reordered));

        Assert.Equal(VerdictKind.Allow, outcome.Verdict.Kind);
        Assert.Equal(["get_weather", "add"], tools);
    }

    [Fact]
    public async Task NewToolIsReportedAndPinnedUnderBalanced()
    {
        var relay = await ConnectAsync(Store());
        await relay.ListAsync(Tools(Add));

        var (outcome, tools) = await relay.ListAsync(Tools(Add, Weather));
        var (again, _) = await relay.ListAsync(Tools(Add, WeatherRugPull));

        Assert.Equal(VerdictKind.Warn, outcome.Verdict.Kind);
        Assert.Equal([ToolPinInspector.AddedRule], outcome.Verdict.RuleIds);
        Assert.Equal(["add", "get_weather"], tools);
        Assert.Equal([ToolPinInspector.ChangedRule], again.Verdict.RuleIds);
    }

    [Fact]
    public async Task NewToolIsWithheldUntilApprovedUnderStrict()
    {
        var store = Store();
        var relay = await ConnectAsync(store, Profile.Strict);
        await relay.ListAsync(Tools(Add));

        var (outcome, tools) = await relay.ListAsync(Tools(Add, Weather));
        store.Approve("test-server", "get_weather");
        var (approved, afterApproval) = await relay.ListAsync(Tools(Add, Weather));

        Assert.Equal(VerdictKind.Redact, outcome.Verdict.Kind);
        Assert.Equal("get_weather", Assert.Single(outcome.Verdict.Findings).QuarantineTool);
        Assert.Equal(["add"], tools);
        Assert.Equal(VerdictKind.Allow, approved.Verdict.Kind);
        Assert.Equal(["add", "get_weather"], afterApproval);
    }

    [Fact]
    public async Task RemovedToolIsReportedButNotOnAPageOfAPaginatedList()
    {
        var relay = await ConnectAsync(Store());
        await relay.ListAsync(Tools(Add, Weather));

        var (page, _) = await relay.ListAsync(Tools(Add), nextCursor: "page-2");
        var (outcome, tools) = await relay.ListAsync(Tools(Add));

        Assert.Equal(VerdictKind.Allow, page.Verdict.Kind);
        Assert.Equal(VerdictKind.Warn, outcome.Verdict.Kind);
        Assert.Equal([ToolPinInspector.RemovedRule], outcome.Verdict.RuleIds);
        Assert.Equal(["add"], tools);
        Assert.Equal(PinChange.Removed, OnDisk().Servers.Single().Value.Pending["get_weather"].Change);
    }

    [Fact]
    public async Task MonitorForwardsTheChangedToolAndOnlyRecordsIt()
    {
        var relay = await ConnectAsync(Store(), Profile.Monitor);
        await relay.ListAsync(Tools(Add, Weather));

        var (outcome, tools) = await relay.ListAsync(Tools(Add, WeatherRugPull));

        Assert.Equal(VerdictKind.ShadowBlock, outcome.Verdict.Kind);
        Assert.Equal([ToolPinInspector.ChangedRule], outcome.Verdict.RuleIds);
        Assert.Equal(["add", "get_weather"], tools);
        Assert.Contains("get_weather", OnDisk().Servers.Single().Value.Pending.Keys);
    }

    [Fact]
    public async Task ApprovedChangeIsTheNewPinAndRevertingClearsPending()
    {
        var store = Store();
        var relay = await ConnectAsync(store);
        await relay.ListAsync(Tools(Add, Weather));
        await relay.ListAsync(Tools(Add, WeatherRugPull));

        var approved = store.Approve(null, null);
        var (afterApproval, tools) = await relay.ListAsync(Tools(Add, WeatherRugPull));
        await relay.ListAsync(Tools(Add, Weather));
        var (reverted, _) = await relay.ListAsync(Tools(Add, WeatherRugPull));

        Assert.Equal(["get_weather"], approved.Single().Value);
        Assert.Equal(VerdictKind.Allow, afterApproval.Verdict.Kind);
        Assert.Equal(["add", "get_weather"], tools);
        Assert.Equal(VerdictKind.Allow, reverted.Verdict.Kind);
        Assert.Empty(OnDisk().Servers.Single().Value.Pending);
    }

    [Fact]
    public async Task BaselineReplacesTrustOnFirstUse()
    {
        var source = Path.Combine(_folder, "approved.json");
        var approving = new PinStore(source);
        await (await ConnectAsync(approving)).ListAsync(Tools(Add, Weather));
        approving.Flush();
        var baseline = PinStore.ReadFile(source);

        var relay = await ConnectAsync(Store(baseline));
        var (outcome, tools) = await relay.ListAsync(Tools(Add, WeatherRugPull));

        Assert.Equal([ToolPinInspector.ChangedRule], outcome.Verdict.RuleIds);
        Assert.Equal(["add"], tools);
    }

    [Fact]
    public async Task ServerThatRenamesItselfKeepsItsPins()
    {
        await (await ConnectAsync(Store())).ListAsync(Tools(Add, Weather));
        _stores[0].Flush();

        var renamed = await ConnectAsync(Store(), serverName: "fresh-name");
        var (outcome, tools) = await renamed.ListAsync(Tools(Add, WeatherRugPull));

        Assert.Equal([ToolPinInspector.RenamedRule, ToolPinInspector.ChangedRule], outcome.Verdict.RuleIds);
        Assert.Equal(["add"], tools);
    }

    [Fact]
    public async Task EnginePrimingPinsNothing()
    {
        var store = Store();
        var engine = McpVanguard.Inspection.InspectionEngine.Create(TestEngine.Options(), [], pins: store);

        engine.BeginPriming();
        await engine.Primed;

        Assert.Empty(store.Snapshot().Servers);
    }

    [Fact]
    public async Task UnreadablePinFileIsReportedAndNotOverwritten()
    {
        File.WriteAllText(PinPath, "{ not json");
        var relay = await ConnectAsync(Store());

        var (outcome, tools) = await relay.ListAsync(Tools(Add));

        Assert.Equal([ToolPinInspector.UnavailableRule], outcome.Verdict.RuleIds);
        Assert.Equal(VerdictKind.Warn, outcome.Verdict.Kind);
        Assert.Equal(["add"], tools);
        Assert.Equal("{ not json", File.ReadAllText(PinPath));
    }

    [Fact]
    public async Task StrictBlocksAListThatCannotBeCompared()
    {
        File.WriteAllText(PinPath, "{ not json");
        var relay = await ConnectAsync(Store(), Profile.Strict);

        var (outcome, _) = await relay.ListAsync(Tools(Add));

        Assert.Equal(VerdictKind.Block, outcome.Verdict.Kind);
    }
}
