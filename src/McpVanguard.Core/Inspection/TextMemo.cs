namespace McpVanguard.Inspection;

/// <summary>
/// The results of pure text-to-text functions (a command line with its data positions blanked) for the last few texts of
/// this thread, so that the inspectors of one message that ask the same question about the same string (SSRF, the shell
/// analyser, SQL, the rules' data check) parse it once. Keyed by reference (strings are immutable) and by function; the
/// pipeline lets the texts go when a message's inspectors are done (<see cref="Forget"/>), so nothing large is held.
/// </summary>
internal static class TextMemo
{
    /// <summary>Entries kept per thread: one message asks about a few strings in turn.</summary>
    internal const int Entries = 4;

    [ThreadStatic]
    private static Entry[]? t_entries;

    [ThreadStatic]
    private static int t_next;

    private struct Entry
    {
        public string? Text;
        public int Function;
        public string? Result;
    }

    /// <summary>The result kept for <paramref name="text"/> under <paramref name="function"/> (an id the caller owns), if any.</summary>
    public static bool TryGet(string text, int function, out string result)
    {
        if (t_entries is { } entries)
        {
            for (var i = 0; i < entries.Length; i++)
            {
                if (ReferenceEquals(entries[i].Text, text) && entries[i].Function == function)
                {
                    result = entries[i].Result!;
                    return true;
                }
            }
        }

        result = string.Empty;
        return false;
    }

    /// <summary>Keeps <paramref name="result"/> for <paramref name="text"/> under <paramref name="function"/>, replacing the oldest entry.</summary>
    public static void Set(string text, int function, string result)
    {
        var entries = t_entries ??= new Entry[Entries];
        var slot = t_next;
        t_next = (slot + 1) % Entries;
        entries[slot] = new Entry { Text = text, Function = function, Result = result };
    }

    /// <summary>Lets go of every kept text of this thread.</summary>
    public static void Forget()
    {
        if (t_entries is { } entries)
        {
            Array.Clear(entries);
        }
    }

    /// <summary>How many texts this thread keeps (tests: bounded, and released by <see cref="Forget"/>).</summary>
    internal static int Held => t_entries is { } entries ? entries.Count(static e => e.Text is not null) : 0;
}
