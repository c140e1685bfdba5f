using McpVanguard.Demo;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// A temporary demo workspace and, outside it, a private state folder (an empty <c>vanguard.yaml</c>, audit log, pins):
/// the bundled demo server and <c>vanguard start</c> in front of it run on built-in defaults and never touch the
/// user's settings, audit log or pin file. Deleted on dispose unless <see cref="Keep"/> is set.
/// </summary>
internal sealed class DemoSandbox : IDisposable
{
    private DemoSandbox(DemoWorkspace workspace, string state)
    {
        Workspace = workspace;
        State = state;
        Server = ProcessLaunch.ForCurrentExecutable(["demo-server", "--root", workspace.Root]);
    }

    public DemoWorkspace Workspace { get; }

    /// <summary>The folder holding the proxy's config, audit log and pins.</summary>
    public string State { get; }

    /// <summary>The demo server on its own.</summary>
    public ProcessLaunch Server { get; }

    /// <summary>Leave both folders in place on dispose.</summary>
    public bool Keep { get; set; }

    /// <param name="purpose">Names the state folder (<c>vanguard-PURPOSE-state-…</c>) and heads the empty config.</param>
    public static async Task<DemoSandbox> CreateAsync(string purpose, CancellationToken cancellationToken)
    {
        var workspace = DemoWorkspace.CreateTemporary();
        var state = Directory.CreateTempSubdirectory($"vanguard-{purpose}-state-").FullName;
        await File.WriteAllTextAsync(Path.Join(state, "vanguard.yaml"), $"# vanguard {purpose}: built-in defaults\n", cancellationToken);
        return new DemoSandbox(workspace, state);
    }

    /// <summary><c>vanguard start</c> in front of <see cref="Server"/> with <paramref name="profile"/> and this sandbox's config, audit log and pins.</summary>
    public ProcessLaunch Proxy(string profile, string serverId) => ProcessLaunch.ForCurrentExecutable([
        "start", "--profile", profile, "--config", Path.Join(State, "vanguard.yaml"),
        "--audit-log", Path.Join(State, "audit.jsonl"), "--pins-file", Path.Join(State, "pins.json"),
        "--server-id", serverId, "--", .. Server.ToArgumentList()]);

    public void Dispose()
    {
        if (!Keep)
        {
            TryDelete(Workspace.Root);
            TryDelete(State);
        }
    }

    private static void TryDelete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"could not delete the demo folder {root}: {exception.Message}");
        }
    }
}
