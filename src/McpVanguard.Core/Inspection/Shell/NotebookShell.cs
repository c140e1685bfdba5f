using System.Text;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// The shell commands of a notebook cell or IPython code: lines starting with <c>!</c>, <c>%system</c>, <c>%sx</c> or <c>%sc</c>, and
/// the whole cell under a <c>%%bash</c>, <c>%%sh</c>, <c>%%script bash</c> or <c>%%powershell</c> magic. Null when there are none.
/// </summary>
internal static class NotebookShell
{
    public static string? Of(string code)
    {
        if (!code.Contains('!') && !code.Contains('%'))
        {
            return null;
        }

        var trimmed = code.AsSpan().TrimStart();
        if (trimmed.StartsWith("%%bash") || trimmed.StartsWith("%%sh") || trimmed.StartsWith("%%script") || trimmed.StartsWith("%%system")
            || trimmed.StartsWith("%%powershell") || trimmed.StartsWith("%%cmd"))
        {
            var eol = trimmed.IndexOf('\n');
            return eol < 0 ? string.Empty : trimmed[(eol + 1)..].ToString();
        }

        StringBuilder? sb = null;
        foreach (var range in code.AsSpan().Split('\n'))
        {
            var line = code.AsSpan()[range].TrimStart();
            var command = line.StartsWith("!") && !line.StartsWith("!=") ? line[1..]
                : line.StartsWith("%system ") || line.StartsWith("%sx ") || line.StartsWith("%sc ") ? line[(line.IndexOf(' ') + 1)..]
                : ReadOnlySpan<char>.Empty;

            // "x = !cat file" assigns a shell command's output in IPython.
            var bang = line.IndexOf("= !");
            if (command.IsEmpty && bang > 0)
            {
                command = line[(bang + 3)..];
            }

            if (!command.IsEmpty)
            {
                (sb ??= new StringBuilder()).Append(command).Append('\n');
            }
        }

        return sb?.ToString();
    }
}
