using System.Collections.Frozen;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// An option written where a wrapper tool expects an operand (argument injection): <c>git_diff {"target": "--output=~/.ssh/authorized_keys"}</c>,
/// <c>search {"pattern": "--pre=/tmp/x.sh"}</c>, <c>git_fetch {"remote": "--upload-pack=…"}</c>. The server puts the value into the program's
/// argv, and the program reads it as the option it spells: one that runs a command, loads code from a directory, or writes a file. Keys
/// meant for options (<c>args</c>, <c>flags</c>) and prose are not operands; a flag named without a value (a search for <c>--output</c>) or
/// a placeholder (<c>--exec=&lt;cmd&gt;</c>) runs nothing.
/// </summary>
internal static class InjectedOptions
{
    /// <summary>Long options whose value is a command or a program (git, rg, tar, rsync, zip, send-email, mysql, make).</summary>
    private static readonly FrozenSet<string> RunOptions = FrozenSet.Create(StringComparer.Ordinal,
        "--pre", "--upload-pack", "--receive-pack", "--exec", "--open-files-in-pager", "--to-command", "--checkpoint-action", "--use-compress-program",
        "--rsh", "--rsync-path", "--extcmd", "--exec-path", "--template", "--config-env", "--sendmail-cmd", "--to-cmd", "--cc-cmd", "--pager",
        "--info-script", "--new-volume-script", "--rmt-command", "--unzip-command", "--eval", "--run-command", "--command");

    /// <summary>What a program path or a command line has and a bare program name has not.</summary>
    private static readonly System.Buffers.SearchValues<char> CommandMarks = System.Buffers.SearchValues.Create("/\\ ;|`~$");

    /// <summary>Long options whose value is a file the program writes.</summary>
    private static readonly FrozenSet<string> WriteOptions = FrozenSet.Create(StringComparer.Ordinal,
        "--output", "--output-document", "--output-file", "--log-file", "--append-output", "--out-file", "--outfile");

    /// <summary>True when <paramref name="value"/>, the operand under <paramref name="key"/>, is an option that runs code or writes outside the project.</summary>
    public static bool IsInjected(string key, string value)
    {
        // Cheap gate first: almost no operand starts with "--".
        if (value.Length < 5 || value[0] != '-' || value[1] != '-' || ArgumentRoles.IsProseKey(key) || WrappedProgramTools.IsOptionsKey(key))
        {
            return false;
        }

        var eq = value.IndexOf('=');
        if (eq < 3 || eq == value.Length - 1)
        {
            return false;
        }

        var option = value[..eq];
        var argument = value[(eq + 1)..].Trim('\'', '"');
        if (argument.Length == 0 || argument[0] == '<' || argument[0] == '{' && argument.EndsWith('}'))
        {
            return false; // a placeholder in documentation, not a program
        }

        if (RunOptions.Contains(option))
        {
            // A program named by path or a command line; a bare converter name (--pre=pdftotext) is what the option is for.
            return argument.AsSpan().IndexOfAny(CommandMarks) >= 0;
        }

        // A write outside the project (absolute, home, parent or variable path); a report under the project is what such options are for.
        return WriteOptions.Contains(option) && argument is not ("/dev/null" or "/dev/stdout" or "/dev/stderr" or "-")
            && (argument[0] is '/' or '~' or '$' or '\\' || argument.StartsWith("..", StringComparison.Ordinal) || argument.Length > 2 && argument[1] == ':');
    }
}
