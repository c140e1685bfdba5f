using System.Diagnostics;
using System.Globalization;
using McpVanguard.Testing;

namespace McpVanguard.Gateway.Tests.ScaleOut;

/// <summary>
/// One real <c>vanguard serve</c> process (the built CLI) with its own config, audit log and pin file, on a fixed free
/// loopback port (so that nginx can be configured before it starts), in front of the read-then-fetch fixture.
/// Killed with SIGKILL by the tests that need an instance to die, and by <see cref="DisposeAsync"/>.
/// </summary>
internal sealed class ServeInstance : IAsyncDisposable
{
    private readonly string _dir;
    private readonly Process _process;

    private ServeInstance(string dir, int port, Process process)
    {
        _dir = dir;
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public string AuditLog => Path.Combine(_dir, "audit.jsonl");

    /// <summary>This instance's own pin file (the durable copy of the shared pins it mirrors).</summary>
    public string PinFile => Path.Combine(_dir, "pins.json");

    /// <summary>What the process printed on stderr (its warnings), once it is listening.</summary>
    public List<string> StartupLines { get; } = [];

    /// <param name="yaml">The vanguard.yaml of this instance (state, auth, gateway.session_route, …).</param>
    /// <param name="environment">Variables such as the API keys the config names.</param>
    /// <param name="server">The upstream command line (default: the read-then-fetch fixture).</param>
    public static async Task<ServeInstance> StartAsync(string yaml, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, int? port = null, string? server = null)
    {
        var dir = Directory.CreateTempSubdirectory("vanguard-scale-").FullName;
        var config = Path.Combine(dir, "vanguard.yaml");
        await File.WriteAllTextAsync(config, yaml, cancellationToken);
        var chosen = port ?? McpVanguard.Testing.LoopbackPort.Free();
        var info = new ProcessStartInfo(TestPeers.VanguardProgram) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        foreach (var argument in TestPeers.VanguardArguments(
        [
            "serve", "--config", config, "--port", chosen.ToString(CultureInfo.InvariantCulture),
            "--audit-log", Path.Combine(dir, "audit.jsonl"), "--pins-file", Path.Combine(dir, "pins.json"),
            "--server", server ?? $"node \"{TestPeers.Fixture("read-then-fetch.js")}\"",
        ]))
        {
            info.ArgumentList.Add(argument);
        }

        var instance = new ServeInstance(dir, chosen, Process.Start(info)!);
        await ServeListeningUrl.ReadAsync(instance._process, cancellationToken, instance.StartupLines);
        await instance.WaitReadyAsync(cancellationToken);
        return instance;
    }

    /// <summary>Kills the process at once (no graceful shutdown): its sessions die with it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>The body of <c>/readyz</c>, with its status.</summary>
    public async Task<(int Status, string Body)> ReadyzAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(Url, "/readyz"), cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A child may still be writing; the temp folder is cleaned by the OS.
        }
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TestPeers.Patience;
        while ((await ReadyzAsync(cancellationToken)).Status != 200)
        {
            Assert.True(DateTime.UtcNow < deadline, "vanguard serve did not become ready");
            await Task.Delay(100, cancellationToken);
        }
    }
}
