using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace McpVanguard.Transports.Stdio;

/// <summary>
/// The MCP server as a child process: its stdin and stdout are the upstream transport, its stderr, environment and
/// working directory are inherited from vanguard.
/// </summary>
public sealed partial class StdioUpstream : IAsyncDisposable
{
    /// <summary>Used to give the child its own process group when the parent-death guard's tools are missing.</summary>
    private const string SetsidFallback = "/usr/bin/setsid";

    private readonly Process _process;
    private readonly bool _guarded;
    private int _counted = 1;

    // The process group the server leads (0 while unknown): the child itself under setsid; under the parent-death guard,
    // the job the guard started (its child), found once it exists and kept, since the guard may exit before the group does.
    private int _group;

    private StdioUpstream(Process process, bool ownsProcessGroup, bool guarded)
    {
        _process = process;
        _guarded = guarded;
        _group = ownsProcessGroup && !guarded ? process.Id : 0;
        Telemetry.VanguardTelemetry.UpstreamChildren.Add(1);
        if (guarded)
        {
            _ = Task.Run(FindGuardedGroupAsync);
        }
    }

    public int ProcessId => _process.Id;

    /// <summary>Where messages to the server are written.</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>Where the server's messages are read from.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="command"/>; throws <see cref="UpstreamStartException"/> with a clear message when it cannot.</summary>
    /// <param name="environment">Variables added to (or overriding) the inherited environment, for a configured server's <c>env</c>.</param>
    public static StdioUpstream Start(IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (command.Count == 0)
        {
            throw new UpstreamStartException("No server command given. Use --server \"CMD ARGS\" or -- CMD ARGS.");
        }

        // Linux: the child leads its own process group (so grandchildren it leaves behind can be killed too) and dies
        // with vanguard even on SIGKILL (see ParentDeathGuard). Without the guard's tools the child still gets its
        // group when setsid exists; only an orderly stop then reaps everything.
        var guarded = ParentDeathGuard.IsAvailable;
        var useGroup = guarded || (OperatingSystem.IsLinux() && File.Exists(SetsidFallback));
        IReadOnlyList<string> commandLine = guarded ? ParentDeathGuard.Wrap(command) : useGroup ? [SetsidFallback, .. command] : command;
        var info = new ProcessStartInfo(commandLine[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var arg in commandLine.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        try
        {
            // The guard's parent-death signal follows the forking thread, so guarded children are forked by one thread that never exits.
            var process = (guarded ? LaunchThread.Shared.Start(info) : Process.Start(info)) ?? throw new UpstreamStartException($"Could not start '{command[0]}'.");
            if (OperatingSystem.IsWindows())
            {
                try
                {
                    KillOnCloseJob.Assign(process);
                }
                catch (Win32Exception)
                {
                    // A server that would outlive a killed vanguard is not started at all.
                    process.Kill(entireProcessTree: true);
                    process.Dispose();
                    throw;
                }
            }

            return new StdioUpstream(process, useGroup, guarded);
        }
        catch (Win32Exception ex)
        {
            throw new UpstreamStartException($"Could not start '{command[0]}': {ex.Message}");
        }
    }

    /// <summary>Closes the server's stdin: the MCP way of asking a stdio server to shut down.</summary>
    public void CloseInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }
    }

    /// <summary>Waits up to <paramref name="grace"/> for the server to exit; true when it did.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan grace)
    {
        using var cts = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return _process.HasExited;
        }
    }

    /// <summary>Kills the server and every process it started (npx → node → …), so nothing is left orphaned.</summary>
    public void KillTree()
    {
        // Read before the tree is killed: the guard's child (the group) is found through the guard.
        var group = ServerGroup();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It exited between the check and the kill.
        }

        if (group > 0)
        {
            // Descendants re-parented after their parent exited are no longer in the tree, but still in the group.
            _ = Kill(-group, SigKill);
        }
    }

    /// <summary>The server's process group, or 0 when unknown (never vanguard's own group).</summary>
    private int ServerGroup()
    {
        var group = Volatile.Read(ref _group);
        if (group == 0 && _guarded && TryReadGuardedGroup(out var found))
        {
            group = Interlocked.CompareExchange(ref _group, found, 0) is 0 ? found : Volatile.Read(ref _group);
        }

        return group;
    }

    /// <summary>Waits (a few seconds at most) for the guard to start its job, and keeps the job's group.</summary>
    private async Task FindGuardedGroupAsync()
    {
        for (var attempt = 0; attempt < 200 && Volatile.Read(ref _group) == 0; attempt++)
        {
            if (TryReadGuardedGroup(out var found))
            {
                Interlocked.CompareExchange(ref _group, found, 0);
                return;
            }

            if (_process.HasExited)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25)).ConfigureAwait(false);
        }
    }

    /// <summary>The group the guard's job leads: the guard's child, when it leads a group that is not vanguard's.</summary>
    private bool TryReadGuardedGroup(out int group)
    {
        group = 0;
        try
        {
            var children = File.ReadAllText($"/proc/{_process.Id}/task/{_process.Id}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var child in children)
            {
                if (int.TryParse(child, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
                    && pid > 1 && GetProcessGroup(pid) == pid && pid != GetProcessGroup(0))
                {
                    group = pid;
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The guard is gone (or /proc is not there): nothing to find.
        }

        return false;
    }

    [LibraryImport("libc", EntryPoint = "getpgid", SetLastError = true)]
    private static partial int GetProcessGroup(int pid);

    private const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        KillTree();
        await WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _process.Dispose();
        if (Interlocked.Exchange(ref _counted, 0) == 1)
        {
            Telemetry.VanguardTelemetry.UpstreamChildren.Add(-1);
        }
    }
}
