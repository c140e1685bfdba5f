using McpVanguard.Demo;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpVanguard.EndToEnd;

/// <summary>The official C# SDK client → <c>vanguard start --safe-zone ROOT</c> → the real @modelcontextprotocol/server-filesystem.</summary>
[Trait("needs", "relay")]
public sealed class FilesystemServerTests : IDisposable
{
    private readonly TemporaryFolder _root = new();
    private readonly TemporaryFolder _outside = new("vanguard-e2e-outside-");

    public FilesystemServerTests()
    {
        File.WriteAllText(_root.File("hello.txt"), "hello from inside the safe zone\n");
        File.WriteAllText(_outside.File("notes.txt"), "an ordinary file outside the safe zone\n");
    }

    public void Dispose()
    {
        _root.Dispose();
        _outside.Dispose();
    }

    [Fact(Timeout = 60_000)]
    public async Task ListsToolsAndReadsAnAllowedFile()
    {
        var token = TestContext.Current.CancellationToken;
        await using var client = await ConnectAsync(token);

        var tools = await client.ListToolsAsync(cancellationToken: token);
        Assert.Contains(tools, tool => tool.Name == "read_text_file");
        Assert.Contains(tools, tool => tool.Name == "write_file");

        var result = await client.CallToolAsync("read_text_file", Args(("path", _root.File("hello.txt"))), cancellationToken: token);
        Assert.NotEqual(true, result.IsError);
        Assert.Contains("hello from inside the safe zone", Text(result));
    }

    [Fact(Timeout = 60_000)]
    public async Task TraversalToEtcPasswdIsRefusedWithARuleId()
    {
        var token = TestContext.Current.CancellationToken;
        await using var client = await ConnectAsync(token);

        var refusal = await AssertRefusedAsync(() => client.CallToolAsync("read_text_file", Args(("path", "../../etc/passwd")), cancellationToken: token));
        Assert.NotEmpty(refusal.RuleIds);
    }

    [Fact(Timeout = 60_000)]
    public async Task AbsolutePathOutsideTheSafeZoneIsRefused()
    {
        var token = TestContext.Current.CancellationToken;
        await using var client = await ConnectAsync(token);

        // An ordinary file, not a sensitive location: only the safe-zone jail can refuse it.
        var refusal = await AssertRefusedAsync(() => client.CallToolAsync("read_text_file", Args(("path", _outside.File("notes.txt"))), cancellationToken: token));
        Assert.NotEmpty(refusal.RuleIds);
    }

    [Fact(Timeout = 60_000)]
    public async Task WriteOutsideTheSafeZoneIsRefusedAndNothingIsWritten()
    {
        var token = TestContext.Current.CancellationToken;
        await using var client = await ConnectAsync(token);
        var target = _outside.File("written-by-agent.txt");

        var refusal = await AssertRefusedAsync(() => client.CallToolAsync("write_file", Args(("path", target), ("content", "should never land")), cancellationToken: token));
        Assert.NotEmpty(refusal.RuleIds);
        Assert.False(File.Exists(target), $"{target} was written although the call was refused");

        // The session is still usable after a refusal.
        var tools = await client.ListToolsAsync(cancellationToken: token);
        Assert.NotEmpty(tools);
    }

    private async Task<McpClient> ConnectAsync(CancellationToken token)
    {
        TestEnvironment.RequireNodePackages();
        var transport = TestEnvironment.VanguardTransport(
            ["--profile", "balanced", "--safe-zone", _root.Path],
            ["node", TestEnvironment.FilesystemServer, _root.Path]);
        return await McpClient.CreateAsync(transport, cancellationToken: token);
    }

    /// <summary>Asserts the call failed with McpVanguard's policy error and that its message names a rule id.</summary>
    internal static async Task<PolicyRefusal> AssertRefusedAsync(Func<ValueTask<CallToolResult>> call)
    {
        var exception = await Assert.ThrowsAnyAsync<McpException>(async () => await call());
        var refusal = PolicyRefusal.From(exception);
        Assert.True(refusal is not null, $"expected McpVanguard's policy error, got {exception.GetType().Name}: {exception.Message}");
        Assert.All(refusal.RuleIds, rule => Assert.Contains(rule, exception.Message, StringComparison.Ordinal));
        return refusal;
    }

    internal static Dictionary<string, object?> Args(params (string Name, object? Value)[] pairs) =>
        pairs.ToDictionary(pair => pair.Name, pair => pair.Value, StringComparer.Ordinal);

    internal static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));
}
