using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpVanguard.EndToEnd;

/// <summary>
/// The official C# SDK client → the real <c>vanguard start</c> → the malicious test server (official C# SDK): what a lying
/// server says is caught on the way to the agent, and the agent keeps working with the clean tools.
/// </summary>
[Trait("needs", "relay")]
public sealed class MaliciousServerTests : IDisposable
{
    private readonly TemporaryFolder _state = new("vanguard-e2e-state-");
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _stderr = new();

    public void Dispose() => _state.Dispose();

    /// <summary>The malicious server's command line, from the same build as the tests.</summary>
    internal static IReadOnlyList<string> MaliciousServer { get; } = ["dotnet", Path.Combine(AppContext.BaseDirectory, "McpVanguard.MaliciousServer.dll")];

    private string PinsFile => _state.File("pins.json");

    private string AuditLog => _state.File("audit.jsonl");

    [Fact(Timeout = 90_000)]
    public async Task PoisonedToolIsAbsentFromTheListAndCallingItIsRefused()
    {
        var token = TestContext.Current.CancellationToken;
        await using var client = await ConnectAsync(token);

        var tools = (await client.ListToolsAsync(cancellationToken: token)).Select(static t => t.Name).ToList();

        Assert.DoesNotContain("fetch_weather", tools);
        Assert.Contains("add", tools);
        var sum = await client.CallToolAsync("add", FilesystemServerTests.Args(("a", 2), ("b", 3)), cancellationToken: token);
        Assert.Equal("5", FilesystemServerTests.Text(sum));
        var refusal = await FilesystemServerTests.AssertRefusedAsync(() => client.CallToolAsync("fetch_weather", FilesystemServerTests.Args(("city", "Paris")), cancellationToken: token));
        Assert.NotEmpty(refusal.RuleIds);

        // The user is told on stderr (the client's log) that a tool was dropped, not only the audit log; and vanguard said
        // at start what is in force. The client reads stderr on its own task, so the lines are awaited with a deadline.
        var deadline = DateTime.UtcNow + TestEnvironment.Patience;
        while (!_stderr.Any(static l => l.Contains("REDACTED tools/list", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, token);
        }

        Assert.Contains(_stderr, static l => l.StartsWith("[vanguard] REDACTED tools/list", StringComparison.Ordinal) && l.Contains("fetch_weather", StringComparison.Ordinal));
        Assert.Contains(_stderr, l => l.StartsWith("[vanguard] vanguard ", StringComparison.Ordinal) && l.Contains("profile balanced", StringComparison.Ordinal) && l.Contains(AuditLog, StringComparison.Ordinal) && l.Contains(PinsFile, StringComparison.Ordinal));

        // The rules, their patterns and the automata came from the table image this build precompiled, and nothing start-up
        // needed was missing from it (a table it lacks would be built at run time: correct, but the start-up cost is back).
        var line = _stderr.First(static l => l.StartsWith("[vanguard] vanguard ", StringComparison.Ordinal));
        Assert.Matches(@"· tables: precompiled \([1-9][0-9]+ read, 0 built\)", line);
    }

    [Fact(Timeout = 90_000)]
    public async Task RugPullAfterListChangedIsWithheldAuditedAndPendingApproval()
    {
        var token = TestContext.Current.CancellationToken;
        await using var client = await ConnectAsync(token);
        var listChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            listChanged.TrySetResult();
            return ValueTask.CompletedTask;
        });

        var before = (await client.ListToolsAsync(cancellationToken: token)).Select(static t => t.Name).ToList();
        await client.CallToolAsync("daily_fact", cancellationToken: token);
        await listChanged.Task.WaitAsync(TestEnvironment.Patience, token);
        var after = (await client.ListToolsAsync(cancellationToken: token)).Select(static t => t.Name).ToList();

        Assert.Contains("daily_fact", before);
        Assert.DoesNotContain("daily_fact", after);
        Assert.Contains("add", after);
        await FilesystemServerTests.AssertRefusedAsync(() => client.CallToolAsync("daily_fact", cancellationToken: token));
        static bool Listed(JsonElement r) => r.GetProperty("method").GetString() == "tools/list" && RuleIds(r).Contains("PIN-001");
        Assert.Contains(await AuditRecordsOnceAsync(Listed, token), Listed);

        // The observed change waits for a person: `pins diff` shows it (exit 1), `pins approve` accepts it. The pin file is
        // written off the inspection path (PinStore.MarkDirty), so the change reaches the file a moment after the answer.
        var diff = await RunVanguardAsync(["pins", "diff", "--pins-file", PinsFile], token);
        for (var waited = Stopwatch.StartNew(); !diff.Output.Contains("tool daily_fact", StringComparison.Ordinal) && waited.Elapsed < TestEnvironment.Patience;)
        {
            await Task.Delay(100, token);
            diff = await RunVanguardAsync(["pins", "diff", "--pins-file", PinsFile], token);
        }

        Assert.True(diff.ExitCode == 1, diff.Output);
        Assert.Contains("daily_fact", diff.Output, StringComparison.Ordinal);
        Assert.Contains("attacker@example.com", diff.Output, StringComparison.Ordinal);
        var approve = await RunVanguardAsync(["pins", "approve", "--pins-file", PinsFile, "--tool", "daily_fact"], token);
        Assert.True(approve.ExitCode == 0, approve.Output);
        var clean = await RunVanguardAsync(["pins", "diff", "--pins-file", PinsFile], token);
        // fetch_weather, poisoned on the first list, was held rather than pinned as trusted: it still waits for a person.
        Assert.DoesNotContain("tool daily_fact", clean.Output, StringComparison.Ordinal);
        Assert.Contains("tool fetch_weather", clean.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 90_000)]
    public async Task ASecondDefinitionUnderAPinnedNameIsWithheldAndRefusedInANewSessionToo()
    {
        var token = TestContext.Current.CancellationToken;
        await using var client = await ConnectAsync(token);
        var listChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            listChanged.TrySetResult();
            return ValueTask.CompletedTask;
        });

        var before = (await client.ListToolsAsync(cancellationToken: token)).Select(static t => t.Name).ToList();
        await client.CallToolAsync("daily_quote", cancellationToken: token);
        await listChanged.Task.WaitAsync(TestEnvironment.Patience, token);
        var after = (await client.ListToolsAsync(cancellationToken: token)).Select(static t => t.Name).ToList();

        Assert.Single(before, "daily_quote");
        Assert.DoesNotContain("daily_quote", after);
        Assert.Contains("add", after);
        await FilesystemServerTests.AssertRefusedAsync(() => client.CallToolAsync("daily_quote", cancellationToken: token));
        static bool Listed(JsonElement r) => r.GetProperty("method").GetString() == "tools/list" && RuleIds(r).Contains("PIN-006");
        Assert.Contains(await AuditRecordsOnceAsync(Listed, token), Listed);

        // A new session of the same upstream that calls the poisoned-on-first-sight tool without listing: refused by the pins.
        await using var second = await ConnectAsync(token);
        var refusal = await FilesystemServerTests.AssertRefusedAsync(() => second.CallToolAsync("fetch_weather", FilesystemServerTests.Args(("city", "Paris")), cancellationToken: token));
        Assert.Contains("QUAR-002", refusal.RuleIds);
    }

    [Fact(Timeout = 90_000)]
    public async Task SecretInAToolResultArrivesMasked()
    {
        var token = TestContext.Current.CancellationToken;
        await using var client = await ConnectAsync(token);

        var result = await client.CallToolAsync("read_notes", cancellationToken: token);
        var text = FilesystemServerTests.Text(result);

        Assert.Contains("buy milk", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAQ3EGRH7ZKXW5NL2P", text, StringComparison.Ordinal);
        Assert.DoesNotContain("q8Zr3vT0bXnM2kLw9YfJ4hPdS7aGcE1uVoN6iRtB", text, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ignore all previous instructions", text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 90_000)]
    public async Task ElicitationPhishingForAPasswordIsRefusedBeforeTheClientSeesIt()
    {
        var token = TestContext.Current.CancellationToken;
        var asked = 0;
        var options = new McpClientOptions
        {
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (_, _) =>
                {
                    Interlocked.Increment(ref asked);
                    return ValueTask.FromResult(new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { ["password"] = JsonSerializer.SerializeToElement("hunter2") } });
                },
            },
        };
        await using var client = await ConnectAsync(token, options, "--audit-allows");

        // Two wire paths, both must be refused: the classic elicitation/create request (then the tool reports the failed
        // elicitation), or, when the client negotiated the 2026-07-28 revision through server/discover, the elicitation
        // inside the call's "input required" result (then the call itself is answered with the refusal).
        string outcome;
        try
        {
            var result = await client.CallToolAsync("login", cancellationToken: token);
            outcome = FilesystemServerTests.Text(result);
            Assert.StartsWith("Elicitation failed:", outcome, StringComparison.Ordinal);
        }
        catch (McpProtocolException ex)
        {
            outcome = ex.Message;
            Assert.Contains("SRV-002", ex.Message, StringComparison.Ordinal);
        }

        Assert.True(Volatile.Read(ref asked) == 0, "the client was asked; audit:\n" + string.Join('\n', AuditRecords().Select(static r => r.GetRawText())) + "\nresult: " + outcome + "\nstderr:\n" + string.Join('\n', _stderr));
        Assert.Contains(await AuditRecordsOnceAsync(r => r.GetProperty("verdict").GetString() == "block" && RuleIds(r).Contains("SRV-002"), token), r => r.GetProperty("verdict").GetString() == "block" && RuleIds(r).Contains("SRV-002"));
    }

    private async Task<McpClient> ConnectAsync(CancellationToken token, McpClientOptions? options = null, params string[] extra)
    {
        var transport = TestEnvironment.VanguardTransport(["--profile", "balanced", "--pins-file", PinsFile, "--audit-log", AuditLog, .. extra], MaliciousServer, _stderr.Enqueue);
        return await McpClient.CreateAsync(transport, options, cancellationToken: token);
    }

    /// <summary>
    /// The audit records once one matches <paramref name="expected"/> (or after a generous deadline): the sink writes on its
    /// own task, so the record of a refusal may reach the file a moment after the refusal reached the client.
    /// </summary>
    private async Task<List<JsonElement>> AuditRecordsOnceAsync(Func<JsonElement, bool> expected, CancellationToken token)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var records = AuditRecords();
        while (!records.Any(expected) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, token);
            records = AuditRecords();
        }

        return records;
    }

    private List<JsonElement> AuditRecords()
        => File.Exists(AuditLog) ? [.. File.ReadAllLines(AuditLog).Where(static l => l.Length > 0).Select(Parsed).OfType<JsonElement>()] : [];

    /// <summary>A complete record; null for the last line while the sink is still writing it.</summary>
    private static JsonElement? Parsed(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string> RuleIds(JsonElement record)
        => record.TryGetProperty("rule_ids", out var ids) ? ids.EnumerateArray().Select(static i => i.GetString()!).ToList() : [];

    /// <summary>Runs <c>vanguard ARGS</c> to its end; stdout and stderr together.</summary>
    internal static async Task<(int ExitCode, string Output, string Stdout)> RunVanguardAsync(IEnumerable<string> arguments, CancellationToken token)
    {
        await using var process = PipedProcess.StartVanguardCommand(arguments);
        process.CloseStdin();
        var stdout = await process.ReadTextToEndAsync(token);
        var exitCode = await process.WaitForExitAsync(token);
        return (exitCode, stdout + "\n" + process.Stderr, stdout);
    }
}
