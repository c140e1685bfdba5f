using System.Globalization;

namespace McpVanguard.Gateway.Tests;

/// <summary>Reads the Linux process table and this process's open descriptors from /proc (zombies count as gone).</summary>
internal static class ProcFs
{
    /// <summary>Live processes whose command line contains <paramref name="marker"/>.</summary>
    public static IReadOnlyList<int> LiveWithCommandLine(string marker)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(marker, StringComparison.Ordinal) && IsLive(dir))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // It exited while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    /// <summary>
    /// Live server processes whose command line contains <paramref name="marker"/>, without the Linux parent-death guard
    /// that wraps each one (a bash whose arguments hold the same command line).
    /// </summary>
    public static IReadOnlyList<int> LiveServersWithCommandLine(string marker)
        => LiveWithCommandLine(marker).Where(pid => !CommandLine(pid).Contains("vanguard-guard", StringComparison.Ordinal)).ToList();

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    /// <summary>Open file descriptors of this process (pipes to children, sockets, files).</summary>
    public static int OpenDescriptors() => Directory.GetFiles("/proc/self/fd").Length;

    private static bool IsLive(string dir)
    {
        // /proc/PID/stat: "pid (comm) S ..." — the state follows the last ')'.
        var stat = File.ReadAllText(Path.Combine(dir, "stat"));
        var state = stat[(stat.LastIndexOf(')') + 2)..][0];
        return state is not ('Z' or 'X');
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="deadline"/> passes (a bound on waiting, not a timing assertion).</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(100, cancellationToken);
        }

        return true;
    }
}
