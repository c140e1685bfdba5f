using System.Globalization;

namespace McpVanguard.EndToEnd;

/// <summary>
/// Reads the Linux process table from /proc to prove that no process outlives vanguard. A pid
/// whose entry is gone, or is a zombie (dead, only waiting to be reaped), counts as gone.
/// </summary>
internal static class ProcessTree
{
    /// <summary>Every live descendant of <paramref name="pid"/>, found through the parent pid in /proc/*/stat.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var (child, parent) in LiveProcesses())
        {
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(child);
        }

        var found = new List<int>();
        var pending = new Queue<int>([pid]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var child in children.GetValueOrDefault(current, []))
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>Live descendants of <paramref name="ancestor"/> whose command line contains <paramref name="marker"/>.</summary>
    public static IReadOnlyList<int> DescendantsWithCommandLine(int ancestor, string marker) =>
        Descendants(ancestor).Where(pid => CommandLine(pid).Contains(marker, StringComparison.Ordinal)).ToList();

    public static bool IsRunning(int pid) => ReadStat(pid) is { } stat && stat.State is not ('Z' or 'X');

    /// <summary>Polls until every pid is gone or <paramref name="deadline"/> passes; returns the survivors with their command lines.</summary>
    public static async Task<IReadOnlyList<string>> WaitUntilGoneAsync(IReadOnlyCollection<int> pids, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var survivors = pids.Where(IsRunning).ToList();
            if (survivors.Count == 0 || DateTime.UtcNow > until)
            {
                return survivors.Select(pid => $"{pid}: {CommandLine(pid)}").ToList();
            }

            await Task.Delay(100, cancellationToken);
        }
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

    /// <summary>SIGKILLs whatever of <paramref name="pids"/> still runs, so a failed orphan test does not leak processes into the next one.</summary>
    public static void KillAll(IEnumerable<int> pids)
    {
        foreach (var pid in pids.Where(IsRunning))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone in the meantime.
            }
        }
    }

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static IEnumerable<(int Pid, int Parent)> LiveProcesses()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ReadStat(pid) is { State: not ('Z' or 'X') } stat)
            {
                yield return (pid, stat.Parent);
            }
        }
    }

    private static (char State, int Parent)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ...": comm may itself contain spaces and parentheses, so split after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
    }
}
