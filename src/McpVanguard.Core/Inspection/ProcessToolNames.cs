namespace McpVanguard.Inspection;

/// <summary>
/// Tool names that start a process or feed one its input (<c>start_process</c>, <c>create_process</c>, <c>process_start</c>,
/// <c>interact_with_process</c>, <c>process_write</c>): they run what they are given, like any exec tool, though their names carry
/// neither "exec" nor "command". A process that is listed, killed or inspected (<c>list_processes</c>, <c>kill_process</c>) runs nothing.
/// </summary>
internal static class ProcessToolNames
{
    /// <summary>Verbs that, next to "process", start one or write into it.</summary>
    private static readonly string[] Verbs = ["start", "create", "launch", "spawn", "new", "open", "interact", "write", "input", "send", "stdin", "feed"];

    /// <summary>True for a lower-cased tool name that starts a process or feeds one (asked once per name: the trait cache keeps the answer).</summary>
    public static bool StartsOrFeeds(string lowerName)
    {
        if (!lowerName.Contains("process", StringComparison.Ordinal) || lowerName.Contains("processor", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var verb in Verbs)
        {
            if (lowerName.Contains(verb, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
