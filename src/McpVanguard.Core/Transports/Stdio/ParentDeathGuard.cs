using System.Globalization;

namespace McpVanguard.Transports.Stdio;

/// <summary>
/// Linux: wraps a server command so that it and every process it starts die with vanguard, even when vanguard is
/// killed with SIGKILL and the server ignores its stdin closing. The wrapper is a small bash process that leads its
/// own session and process group (<c>setsid</c>), holds a parent-death signal (<c>setpriv --pdeathsig TERM</c>), runs
/// the server in that group and, on the signal, kills the whole group with SIGKILL.
/// </summary>
internal static class ParentDeathGuard
{
    /// <summary>
    /// The wrapper, run as <c>bash -c SCRIPT vanguard-guard VANGUARD_PID COMMAND...</c>. Line by line, why:
    /// 1. the parent-death signal (TERM) kills the group (server, grandchildren and the wrapper itself);
    /// 2. if vanguard died before the signal was armed, the parent is no longer vanguard: kill the group now;
    /// 3. the server runs in the background with the wrapper's stdin (via fd 3: a background job's stdin would
    ///    otherwise be /dev/null) and with SIGINT/SIGQUIT restored (a background job starts with them ignored);
    /// 4. the wrapper closes its own stdin and stdout, so the server alone holds the pipes: vanguard still sees the
    ///    server's stdout end and the server still sees its stdin close;
    /// 5. the wrapper exits with the server's exit code, which is what vanguard reports.
    /// </summary>
    private const string Script =
        """
        trap 'kill -KILL 0' TERM
        [ "$PPID" = "$1" ] || kill -KILL 0
        shift
        { (trap - INT QUIT; exec "$@") <&3 3<&- & } 3<&0
        exec 0<&- 1>&-
        wait $!
        """;

    private static readonly string? Setsid = Find("setsid");
    private static readonly string? Setpriv = Find("setpriv");
    private static readonly string? Bash = Find("bash");

    /// <summary>True on Linux with util-linux (setsid, setpriv) and bash, as on Debian and Ubuntu.</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && Setsid is not null && Setpriv is not null && Bash is not null;

    /// <summary>The full command line that runs <paramref name="command"/> under the guard.</summary>
    public static IReadOnlyList<string> Wrap(IReadOnlyList<string> command)
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException("The parent-death guard needs setsid, setpriv and bash.");
        }

        return [Setsid!, Setpriv!, "--pdeathsig", "TERM", "--", Bash!, "-c", Script, "vanguard-guard", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), .. command];
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
