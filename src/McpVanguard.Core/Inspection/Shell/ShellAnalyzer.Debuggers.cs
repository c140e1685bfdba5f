using Kind = McpVanguard.Inspection.Shell.CodeLoadingSettings.Kind;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Debugger and editor commands that escape to a shell or an interpreter: gdb's <c>-ex 'shell …'</c>, lldb's <c>-o 'platform shell …'</c>, vim's <c>:!</c>.
/// </summary>
internal sealed partial class ShellAnalyzer
{
    /// <summary>
    /// gdb's <c>-ex</c>/<c>-iex</c>/<c>--eval-command</c> and lldb's <c>-o</c>/<c>-O</c>: debugger commands that reach a shell
    /// (<c>shell CMD</c>, <c>!CMD</c>, <c>platform shell CMD</c>) or an interpreter (<c>python …</c>, <c>script …</c>); what they run is judged.
    /// </summary>
    private void DebuggerCommands(List<string> words, int k, int nesting)
    {
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            var eq = w.IndexOf('=');
            var option = eq > 0 ? w[..eq] : w;
            if (option is not ("-ex" or "--ex" or "-iex" or "--iex" or "-eval-command" or "--eval-command" or "-init-eval-command" or "--init-eval-command"
                or "-o" or "--one-line" or "-O" or "--one-line-before-file" or "-k" or "--one-line-on-crash"))
            {
                continue;
            }

            var value = (eq > 0 ? w[(eq + 1)..] : i + 1 < words.Count ? words[++i] : string.Empty).TrimStart();
            var space = value.IndexOf(' ');
            var verb = space < 0 ? value : value[..space];
            var rest = space < 0 ? string.Empty : value[(space + 1)..];
            if (verb.StartsWith('!') || verb is "shell" or "pipe" or "|")
            {
                CheckSetting(Kind.Command, verb.StartsWith('!') && verb.Length > 1 ? value[1..] : rest, nesting);
            }
            else if (verb == "platform" && rest.StartsWith("shell ", StringComparison.Ordinal))
            {
                CheckSetting(Kind.Command, rest[6..], nesting);
            }
            else if (verb is "python" or "py" or "python-interactive" or "pi" or "script" or "guile" or "gu")
            {
                AnalyzeCode(rest, nesting + 1);
            }
        }
    }

    private static bool EscapesToShell(string command)
    {
        var c = command.TrimStart(':', ' ');
        return c.StartsWith('!') || c.Contains("system(", StringComparison.Ordinal) || c.StartsWith("sh", StringComparison.Ordinal) && (c.Length == 2 || c.StartsWith("shell", StringComparison.Ordinal))
            || c.StartsWith("py", StringComparison.Ordinal) || c.StartsWith("lua", StringComparison.Ordinal) || c.StartsWith("terminal", StringComparison.Ordinal) || c.StartsWith("term ", StringComparison.Ordinal);
    }
}
