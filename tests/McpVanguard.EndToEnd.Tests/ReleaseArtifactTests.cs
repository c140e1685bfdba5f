using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using McpVanguard.Demo;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace McpVanguard.EndToEnd;

/// <summary>
/// The release artifacts as a user gets them: the self-contained linux-x64 binary (run with no .NET on PATH), its
/// checksums and SBOM, and the MCP Bundle, unpacked and launched the way Claude Desktop launches it. scripts/test.sh
/// builds them into artifacts/release (scripts/release.sh and scripts/mcpb/pack.sh) before the tests run.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ReleaseArtifactTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("vanguard-e2e-release-");

    public void Dispose() => _folder.Dispose();

    private static string Version { get; } = File.ReadAllText(Path.Join(TestEnvironment.RepositoryRoot, "VERSION")).Trim();

    private static string ReleaseFolder => Path.Join(TestEnvironment.RepositoryRoot, "artifacts", "release");

    private static string Binary => Path.Join(ReleaseFolder, $"vanguard-{Version}-linux-x64");

    private static string Bundle => Path.Join(ReleaseFolder, $"vanguard-{Version}-linux-x64.mcpb");

    /// <summary>A PATH with no dotnet on it and no DOTNET_ROOT: what a user without .NET has.</summary>
    private static Dictionary<string, string?> WithoutDotnet() => new()
    {
        ["PATH"] = "/usr/bin:/bin",
        ["DOTNET_ROOT"] = null,
        ["DOTNET_HOST_PATH"] = null,
    };

    [Fact(Timeout = 120_000)]
    public async Task BinaryRunsWithoutDotnetAndReportsTheBuildsVersion()
    {
        RequireArtifacts();
        var token = TestContext.Current.CancellationToken;

        var version = await VanguardRun.RunProgramAsync(Binary, ["--version"], token, WithoutDotnet());
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.StartsWith(Version, version.Stdout.Trim(), StringComparison.Ordinal);

        var check = await VanguardRun.RunProgramAsync(Binary, ["rules", "test"], token, WithoutDotnet());
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains(" 0 failed", check.Stdout, StringComparison.Ordinal);

        var demo = await VanguardRun.RunProgramAsync(Binary, ["demo"], token, WithoutDotnet(), _folder.Path);
        Assert.True(demo.ExitCode == 0, demo.ToString());
    }

    [Fact(Timeout = 120_000)]
    public async Task BinaryWrapsARealServerForAnSdkClient()
    {
        RequireArtifacts();
        var token = TestContext.Current.CancellationToken;
        var root = Directory.CreateDirectory(_folder.File("root")).FullName;
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "release-binary",
            Command = Binary,
            Arguments = ["start", "--safe-zone", root, "--", Binary, "demo-server", "--root", root],
            EnvironmentVariables = WithoutDotnet(),
            WorkingDirectory = root,
        });

        await AssertGuardsTheDemoServerAsync(transport, root, token);
    }

    [Fact]
    public void ChecksumsMatchAndTheSbomDescribesThisBuild()
    {
        RequireArtifacts();
        var sums = File.ReadAllLines(Path.Join(ReleaseFolder, "SHA256SUMS"));
        Assert.Contains(sums, line => line.EndsWith($"  vanguard-{Version}-linux-x64", StringComparison.Ordinal));
        foreach (var line in sums)
        {
            var (hash, name) = (line[..64], line[66..]);
            using var stream = File.OpenRead(Path.Join(ReleaseFolder, name));
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(stream)));
        }

        var sbom = JsonNode.Parse(File.ReadAllText(Path.Join(ReleaseFolder, $"vanguard-{Version}.cdx.json")))!;
        Assert.Equal("CycloneDX", (string?)sbom["bomFormat"]);
        Assert.Equal(Version, (string?)sbom["metadata"]!["component"]!["version"]);
        var components = sbom["components"]!.AsArray().Select(c => (string?)c!["name"]).ToList();
        Assert.Contains("System.CommandLine", components);
        Assert.Contains("YamlDotNet", components);
        Assert.Contains(sums, line => line.EndsWith("  RELEASE-NOTES.md", StringComparison.Ordinal));
    }

    [Fact]
    public void TheReleaseNotesAreThisVersionsChangelogSection()
    {
        RequireArtifacts();
        var notes = File.ReadAllLines(Path.Join(ReleaseFolder, "RELEASE-NOTES.md"));
        Assert.Equal($"# vanguard {Version}", notes[0]);

        // The section of CHANGELOG.md for this version, up to the next version's heading: every line of it is in the notes, in order.
        var changelog = File.ReadAllLines(Path.Join(TestEnvironment.RepositoryRoot, "CHANGELOG.md"));
        var section = changelog.SkipWhile(l => !l.StartsWith($"## [{Version}]", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("## [", StringComparison.Ordinal)).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(section);
        Assert.Equal(section, notes.Skip(1).Where(l => l.Length > 0));
    }

    /// <summary>
    /// The bundle, unpacked, launched with the command and arguments that the official MCPB library computes from its
    /// manifest and a user's install-time answers (getMcpConfigForManifest: what Claude Desktop runs).
    /// </summary>
    [Fact(Timeout = 180_000)]
    public async Task McpBundleLaunchesTheWrappedServerChosenAtInstallTime()
    {
        RequireArtifacts();
        var token = TestContext.Current.CancellationToken;
        var extension = Directory.CreateDirectory(_folder.File("extension")).FullName;
        ZipFile.ExtractToDirectory(Bundle, extension);
        // Zip entries keep no Unix mode here; an installer sets the binary executable, as Claude Desktop does.
        File.SetUnixFileMode(Path.Join(extension, "server", "vanguard"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var root = Directory.CreateDirectory(_folder.File("root")).FullName;
        var userConfig = new JsonObject
        {
            ["server_command"] = $"{Path.Join(extension, "server", "vanguard")} demo-server --root {root}",
            ["safe_zone"] = root,
            // What the install dialog submits for the settings it pre-fills with the manifest's defaults.
            ["profile"] = "balanced",
            ["server_id"] = "e2e-bundle",
        };
        var computed = await VanguardRun.RunProgramAsync("node", [Path.Join(TestEnvironment.RepositoryRoot, "tools", "mcpb", "launch-config.mjs"), extension, userConfig.ToJsonString()], token);
        Assert.True(computed.ExitCode == 0, computed.ToString());
        var config = JsonNode.Parse(computed.Stdout)!;
        var arguments = config["args"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.DoesNotContain(arguments, a => a.Contains("${", StringComparison.Ordinal));

        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "mcpb",
            Command = (string)config["command"]!,
            Arguments = arguments,
            EnvironmentVariables = WithoutDotnet(),
            WorkingDirectory = root,
        });

        await AssertGuardsTheDemoServerAsync(transport, root, token);
    }

    /// <summary>
    /// The container recipe's promise, checked without a container runtime: the binary serves as the image's
    /// unprivileged user (uid 1654) on a read-only root, writing only to its state volume and /tmp.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task GatewayServesAsANonRootUserOnAReadOnlyRoot()
    {
        RequireArtifacts();
        if (Environment.UserName != "root" || !await CanUnshareAsync())
        {
            Assert.Skip("needs root and mount namespaces (unshare -m) to make the root filesystem read-only for one process");
        }

        var token = TestContext.Current.CancellationToken;
        var port = McpVanguard.Testing.LoopbackPort.Free();
        var copy = Path.Join(_folder.Path, "vanguard");
        File.Copy(Binary, copy);
        File.SetUnixFileMode(_folder.Path, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(copy, (UnixFileMode)0b111_101_101);
        // In a private mount namespace: the root read-only, a fresh tmpfs for /tmp and for the state volume.
        var script = $"""
            set -e
            mkdir -p /run/vanguard-state
            mount -t tmpfs -o mode=1777 tmpfs /run/vanguard-state
            cp '{copy}' /run/vanguard-state/vanguard
            mount -o remount,bind,ro /
            mount -t tmpfs -o mode=1777 tmpfs /tmp
            # The image's working directory; the test's own (possibly under the /tmp just mounted over) is gone here.
            cd /
            exec setpriv --reuid=1654 --regid=1654 --clear-groups --inh-caps=-all env -i PATH=/usr/bin:/bin HOME=/nonexistent DOTNET_BUNDLE_EXTRACT_BASE_DIR=/tmp \
              XDG_STATE_HOME=/run/vanguard-state XDG_CONFIG_HOME=/run/vanguard-state/config \
              /run/vanguard-state/vanguard serve --port {port} --server '/run/vanguard-state/vanguard demo-server --root /tmp'
            """;
        using var gateway = Process.Start(new ProcessStartInfo("unshare", ["-m", "--propagation", "private", "sh", "-c", script]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var stderr = gateway.StandardError.ReadToEndAsync(token);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            string? health = null;
            while (health is null && DateTime.UtcNow < deadline && !gateway.HasExited)
            {
                try
                {
                    health = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/healthz"), token);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250, token);
                }
            }

            Assert.True(health is not null, gateway.HasExited ? await stderr : "no answer from /healthz");
            Assert.Equal($"ok vanguard {Version}\n", health);
        }
        finally
        {
            gateway.Kill(entireProcessTree: true);
            await gateway.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>Through <paramref name="transport"/> (vanguard in front of its demo server): tools listed, a write allowed, a traversal refused.</summary>
    internal static async Task AssertGuardsTheDemoServerAsync(StdioClientTransport transport, string root, CancellationToken token)
    {
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: token);
        var tools = await client.ListToolsAsync(cancellationToken: token);
        Assert.Contains(tools, t => t.Name == "write_file");

        await client.CallToolAsync("write_file", new Dictionary<string, object?> { ["path"] = "notes.txt", ["content"] = "hello\n" }, cancellationToken: token);
        Assert.Equal("hello\n", File.ReadAllText(Path.Join(root, "notes.txt")));

        var refused = await Assert.ThrowsAnyAsync<McpException>(
            () => client.CallToolAsync("read_file", new Dictionary<string, object?> { ["path"] = "../../../../etc/passwd" }, cancellationToken: token).AsTask());
        Assert.NotNull(PolicyRefusal.From(refused));
    }

    private static void RequireArtifacts()
    {
        Assert.True(File.Exists(Binary) && File.Exists(Bundle), $"release artifacts missing under {ReleaseFolder}: scripts/test.sh builds them (scripts/release.sh --rid linux-x64 --out artifacts/release; scripts/mcpb/pack.sh --rid linux-x64 --binary ... --out artifacts/release)");
    }

    private static async Task<bool> CanUnshareAsync()
    {
        using var probe = Process.Start(new ProcessStartInfo("unshare", ["-m", "true"]) { RedirectStandardError = true })!;
        await probe.WaitForExitAsync();
        return probe.ExitCode == 0;
    }

}
