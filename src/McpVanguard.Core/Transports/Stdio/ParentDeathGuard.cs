using System.Globalization;

namespace McpVanguard.Transports.Stdio;

/// <summary>
/// Linux: wraps a server command so that it and every process it starts die with vanguard, even when vanguard is
/// killed with SIGKILL and the server ignores its stdin closing. The wrapper is a small bash process that holds a
/// parent-death signal (<c>setpriv --pdeathsig TERM</c>), runs the server as a job in a process group of its own and,
/// on the signal, kills that whole group with SIGKILL.
/// </summary>
/// <remarks>
/// The server's group is a new process group in vanguard's session, not a new session (<c>setsid</c>, before hop11):
/// Linux's scheduler gives every session a CPU group of its own (autogroup, on by default in desktop kernels), so a
/// server in a session of its own was woken across groups at both hops of every call, and on a busy machine each such
/// wake-up waited for other sessions' time slices (docs/BENCHMARKS.md, hop11: 2.4–3.5 ms per call at load 40–60, the same
/// naive relay 0.15–0.3 ms with its server in its own session or not). A background process group still receives no
/// signal from vanguard's terminal (Ctrl-C goes to the foreground group): vanguard alone decides how its server stops.
/// </remarks>
internal static class ParentDeathGuard
{
    /// <summary>
    /// The wrapper, run as <c>bash -c SCRIPT vanguard-guard VANGUARD_PID COMMAND...</c>. Line by line, why:
    /// 1. job control: the server, started as a job, leads a process group of its own (and its children join it);
    /// 2. the wrapper shares vanguard's process group, so a terminal's Ctrl-C or hang-up reaches it too: it ignores
    ///    them (vanguard's own orderly stop handles them), or it would die and leave the server without its guard;
    /// 3. the parent-death signal (TERM) kills the server's group (server and grandchildren), then the wrapper exits;
    /// 4. if vanguard died before the signal was armed, the parent is no longer vanguard: start nothing;
    /// 5. the server runs in the background with the wrapper's stdin (via fd 3: a background job's stdin would
    ///    otherwise be /dev/null) and with SIGINT/SIGQUIT/SIGHUP at their defaults;
    /// 6. the wrapper closes its own stdin and stdout, so the server alone holds the pipes: vanguard still sees the
    ///    server's stdout end and the server still sees its stdin close;
    /// 7. the wrapper exits with the server's exit code, which is what vanguard reports.
    /// </summary>
    private const string Script =
        """
        set -m
        trap '' INT QUIT HUP
        trap 'kill -KILL -- -$! 2>/dev/null; exit 143' TERM
        [ "$PPID" = "$1" ] || exit 1
        shift
        { (trap - INT QUIT HUP; exec "$@") <&3 3<&- & } 3<&0
        exec 0<&- 1>&-
        wait $!
        """;

    private static readonly string? Setpriv = Find("setpriv");
    private static readonly string? Bash = Find("bash");

    /// <summary>True on Linux with util-linux (setpriv) and bash, as on Debian and Ubuntu.</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && Setpriv is not null && Bash is not null;

    /// <summary>The full command line that runs <paramref name="command"/> under the guard.</summary>
    public static IReadOnlyList<string> Wrap(IReadOnlyList<string> command)
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException("The parent-death guard needs setpriv and bash.");
        }

        return [Setpriv!, "--pdeathsig", "TERM", "--", Bash!, "-c", Script, "vanguard-guard", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), .. command];
    }

    private static string? Find(string tool)
    {
        foreach (var directory in (string[])["/usr/bin", "/bin", "/usr/sbin", "/sbin"])
        {
            var path = Path.Combine(directory, tool);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
