using System.Text.Json.Nodes;
using ModelContextProtocol.Client;

namespace McpVanguard.EndToEnd;

/// <summary>
/// The .NET tool as a developer installs it (<c>dotnet tool install McpVanguard</c>) from the packages that
/// scripts/pack-tool.sh makes (scripts/test.sh packs the pointer, linux-x64 and the <c>any</c> fallback into
/// artifacts/tool): installed into a temporary <c>--tool-path</c> from that folder only, then run from where it lands.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GlobalToolTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("vanguard-e2e-tool-");

    public void Dispose() => _folder.Dispose();

    private static string Version { get; } = File.ReadAllText(Path.Join(TestEnvironment.RepositoryRoot, "VERSION")).Trim();

    private static string PackageFolder => Path.Join(TestEnvironment.RepositoryRoot, "artifacts", "tool");

    private string ToolPath => _folder.File("tools");

    private string Command => Path.Join(ToolPath, "vanguard");

    /// <summary>A home of the test's own: nothing of the machine's vanguard state (or libsodium copy) is used or left behind.</summary>
    private Dictionary<string, string?> OwnHome() => new()
    {
        ["HOME"] = _folder.File("home"),
        ["XDG_STATE_HOME"] = _folder.File("home/state"),
        ["XDG_CONFIG_HOME"] = _folder.File("home/config"),
        ["XDG_DATA_HOME"] = _folder.File("home/data"),
    };

    [Fact(Timeout = 300_000)]
    public async Task OnLinuxX64TheToolIsTheNativeAotBinaryAndRunsFromItsInstallLocation()
    {
        var token = TestContext.Current.CancellationToken;
        await InstallAsync("McpVanguard", token);

        // The command is a link into the tool store, to the linux-x64 package's one native file: no vanguard.dll, no
        // runtimeconfig beside it, so nothing of it runs on the .NET runtime.
        var target = new FileInfo(Command).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        Assert.NotNull(target);
        Assert.Contains($"{Path.DirectorySeparatorChar}mcpvanguard.linux-x64{Path.DirectorySeparatorChar}{Version}{Path.DirectorySeparatorChar}", target, StringComparison.Ordinal);
        var beside = Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain(beside, f => f!.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".runtimeconfig.json", StringComparison.Ordinal));
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(target).AsSpan(0, 4).ToArray());

        var version = await VanguardRun.RunProgramAsync(Command, ["--version"], token, OwnHome());
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.StartsWith(Version, version.Stdout.Trim(), StringComparison.Ordinal);

        // The bundled rules and their examples, the bundled demo server (launched as this same executable).
        var rules = await VanguardRun.RunProgramAsync(Command, ["rules", "test"], token, OwnHome());
        Assert.True(rules.ExitCode == 0, rules.ToString());
        Assert.Contains(" 0 failed", rules.Stdout, StringComparison.Ordinal);
        var demo = await VanguardRun.RunProgramAsync(Command, ["demo"], token, OwnHome(), _folder.Path);
        Assert.True(demo.ExitCode == 0, demo.ToString());

        // A Rekor v2 bundle: its checkpoint is Ed25519, verified through libsodium (the package's copy beside the binary).
        var cases = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "McpVanguard.Trust.Tests", "Conformance", "assets", "bundle-verify");
        var trust = await VanguardRun.RunProgramAsync(Command, ["trust", "verify", Path.Combine(cases, "a.txt"),
            "--bundle", Path.Combine(cases, "rekor2-happy-path", "bundle.sigstore.json"), "--trusted-root", Path.Combine(cases, "rekor2-happy-path", "trusted_root.json"),
            "--identity-regex", "https://github\\.com/sigstore-conformance/.*", "--issuer", "https://token.actions.githubusercontent.com"], token, OwnHome());
        Assert.True(trust.ExitCode == 0, trust.ToString());
        Assert.Contains("verified:", trust.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 300_000)]
    public async Task TheInstalledToolWrapsARealServerForAnSdkClient()
    {
        var token = TestContext.Current.CancellationToken;
        await InstallAsync("McpVanguard", token);
        var root = Directory.CreateDirectory(_folder.File("root")).FullName;
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "global-tool",
            Command = Command,
            Arguments = ["start", "--safe-zone", root, "--", Command, "demo-server", "--root", root],
            EnvironmentVariables = OwnHome(),
            WorkingDirectory = root,
        });

        await ReleaseArtifactTests.AssertGuardsTheDemoServerAsync(transport, root, token);
    }

    /// <summary>
    /// The native tool runs from the versioned store (…/.store/mcpvanguard/VERSION/…), which an update deletes: client
    /// configs must get the tools folder's own command, which the update re-points, or every wrapped server stops
    /// starting after `dotnet tool update`.
    /// </summary>
    [Fact(Timeout = 300_000)]
    public async Task ConfigureWritesTheToolsStableCommandAndUninstallRemovesTheTool()
    {
        var token = TestContext.Current.CancellationToken;
        await InstallAsync("McpVanguard", token);
        // Where Claude Desktop keeps it on Linux, under this test's home: doctor reads it too.
        var config = Path.Join(Directory.CreateDirectory(_folder.File("home/config/Claude")).FullName, "claude_desktop_config.json");
        File.WriteAllText(config, """{"mcpServers": {"files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"]}}}""");

        var wrap = await VanguardRun.RunProgramAsync(Command, ["configure", "--config-file", config, "--all"], token, OwnHome());

        Assert.True(wrap.ExitCode == 0, wrap.ToString());
        var entry = JsonNode.Parse(File.ReadAllText(config))!["mcpServers"]!["files"]!;
        Assert.Equal(Command, (string?)entry["command"]);
        // DOC10 (wrapped servers launch this vanguard) names what it compared: the same stable command.
        var doctor = await VanguardRun.RunProgramAsync(Command, ["doctor"], token, OwnHome());
        Assert.Contains($"1 launch {Command}", doctor.Stdout, StringComparison.Ordinal);

        var uninstall = await VanguardRun.RunProgramAsync("dotnet", ["tool", "uninstall", "McpVanguard", "--tool-path", ToolPath], token, DotnetCli());
        Assert.True(uninstall.ExitCode == 0, uninstall.ToString());
        Assert.False(File.Exists(Command) || new FileInfo(Command).LinkTarget is not null, "the command is still there");
        Assert.False(Directory.Exists(Path.Join(ToolPath, ".store", "mcpvanguard")), "the tool store is still there");
    }

    /// <summary>What every platform without a package of its own gets (the pointer names <c>any</c> last): the framework-dependent build.</summary>
    [Fact(Timeout = 300_000)]
    public async Task TheAnyFallbackPackageRunsOnTheDotnetRuntime()
    {
        var token = TestContext.Current.CancellationToken;
        await InstallAsync("McpVanguard.any", token);

        var store = Path.Join(ToolPath, ".store", "mcpvanguard.any", Version, "mcpvanguard.any", Version, "tools", "net10.0", "any");
        Assert.True(File.Exists(Path.Join(store, "vanguard.dll")), $"no vanguard.dll in {store}");
        var version = await VanguardRun.RunProgramAsync(Command, ["--version"], token, OwnHome());
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.StartsWith(Version, version.Stdout.Trim(), StringComparison.Ordinal);
        var rules = await VanguardRun.RunProgramAsync(Command, ["rules", "test"], token, OwnHome());
        Assert.True(rules.ExitCode == 0, rules.ToString());
        Assert.Contains(" 0 failed", rules.Stdout, StringComparison.Ordinal);
        var demo = await VanguardRun.RunProgramAsync(Command, ["demo"], token, OwnHome(), _folder.Path);
        Assert.True(demo.ExitCode == 0, demo.ToString());
    }

    /// <summary>`dotnet tool install` from the package folder alone (<c>--source</c> replaces every other feed).</summary>
    private async Task InstallAsync(string package, CancellationToken token)
    {
        Assert.True(File.Exists(Path.Join(PackageFolder, $"McpVanguard.{Version}.nupkg")) && File.Exists(Path.Join(PackageFolder, $"McpVanguard.linux-x64.{Version}.nupkg")) && File.Exists(Path.Join(PackageFolder, $"McpVanguard.any.{Version}.nupkg")),
            $"tool packages missing under {PackageFolder}: scripts/test.sh packs them (scripts/pack-tool.sh --rid linux-x64 --rid any --out artifacts/tool)");
        var install = await VanguardRun.RunProgramAsync("dotnet", ["tool", "install", package, "--tool-path", ToolPath, "--source", PackageFolder], token, DotnetCli());
        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.True(File.Exists(Command), $"no {Command} after install:\n{install}");
    }

    /// <summary>The dotnet CLI with its first-run output off and its own home (a tool install writes under it).</summary>
    private Dictionary<string, string?> DotnetCli() => new(OwnHome())
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_CLI_HOME"] = _folder.File("home"),
    };
}
