namespace McpVanguard.EndToEnd;

/// <summary>
/// <c>vanguard start</c> is the process every wrapped server pays for: it must load only the stdio path's assemblies,
/// never ASP.NET Core, the dashboard, the semantic providers, the Sigstore verifier, Redis or telemetry (each is megabytes
/// of mapped image and start-up time). McpVanguard.Gateway itself is still loaded (its own image only, no ASP.NET Core):
/// every command validates the <c>auth:</c> section with the gateway's reader (<c>CommonOptions.Load</c>). Read from <c>/proc/PID/maps</c> of the real process after a handshake, a
/// <c>tools/list</c> and a <c>tools/call</c>, so what is checked is what the runtime actually loaded.
/// </summary>
[Trait("needs", "relay")]
public sealed class StartFootprintTests : IDisposable
{
    private static readonly string[] Forbidden =
    [
        "Microsoft.AspNetCore.", "McpVanguard.Semantic", "McpVanguard.Trust", "McpVanguard.Telemetry",
        "McpVanguard.Dashboard", "OpenTelemetry", "StackExchange.Redis", "Sigstore",
    ];

    private readonly TemporaryFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task Start_loads_no_aspnetcore_semantic_trust_redis_or_telemetry_assembly()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc/PID/maps");
        Assert.SkipWhen(TestEnvironment.VanguardBinary is not null, "a Native AOT binary loads no assemblies: trimming decides what it holds");
        var token = TestContext.Current.CancellationToken;
        File.WriteAllText(Path.Combine(_root.Path, "notes.txt"), "hello");
        await using var vanguard = PipedProcess.StartVanguard([], TestEnvironment.DemoServer(_root.Path));
        await vanguard.InitializeAsync(token);
        await vanguard.SendAsync("""{"jsonrpc":"2.0","id":"list","method":"tools/list","params":{}}""", token);
        var list = await vanguard.ReadResponseAsync("list", token);
        Assert.True(list.TryGetProperty("result", out _), list.ToString());
        await vanguard.SendAsync("""{"jsonrpc":"2.0","id":"call","method":"tools/call","params":{"name":"read_file","arguments":{"path":"notes.txt"}}}""", token);
        var call = await vanguard.ReadResponseAsync("call", token);
        Assert.True(call.TryGetProperty("result", out _), call.ToString());

        var loaded = File.ReadLines($"/proc/{vanguard.Pid}/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && fields[^1].EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(fields => Path.GetFileName(fields[^1]))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        // The reading works: the relay's own assemblies are there.
        Assert.Contains("McpVanguard.Core.dll", loaded);
        Assert.Contains("vanguard.dll", loaded);
        var unwanted = loaded.Where(name => Forbidden.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))).Order().ToList();
        Assert.True(unwanted.Count == 0, "vanguard start loaded: " + string.Join(", ", unwanted));
    }
}
