namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Lines appended to a shell's start-up file that only configure the shell: <c>export PATH="$HOME/.local/bin:$PATH"</c>,
/// <c>alias ll='ls -la'</c>, <c>source ~/.cargo/env</c>, <c>set -o vi</c>. Everything else written there — a download, a pipe, a
/// substitution, a variable that loads or runs code (<c>PROMPT_COMMAND</c>, <c>LD_PRELOAD</c>, <c>BASH_ENV</c>), a script in a scratch
/// folder — runs at every login and is persistence.
/// </summary>
internal static class ShellStartupConfiguration
{
    /// <summary>Start-up files of interactive shells (folded: lower-case, '/' separators).</summary>
    private static readonly string[] StartupFiles =
        ["/.bashrc", "/.bash_profile", "/.bash_login", "/.profile", "/.zshrc", "/.zprofile", "/.zshenv", "/.zlogin", "/.kshrc", "/.mkshrc", "/fish/config.fish"];

    public static bool IsStartupFile(string folded) =>
        StartupFiles.Any(f => folded.EndsWith(f, StringComparison.Ordinal)) || folded is ".bashrc" or ".zshrc" or ".profile" or "~/.bashrc";

    /// <summary>Characters that make a line do more than configure: substitution, pipes, chaining, redirection, backgrounding.</summary>
    private static readonly System.Buffers.SearchValues<char> Active = System.Buffers.SearchValues.Create("`|;&<>");

    /// <summary>True when every line of <paramref name="text"/> is a plain configuration line.</summary>
    public static bool IsPlainConfiguration(string text)
    {
        if (text.Length is 0 or > 4096 || text.AsSpan().IndexOfAny(Active) >= 0 || text.Contains("$(", StringComparison.Ordinal)
            || text.Contains("://", StringComparison.Ordinal) || text.Contains("/tmp/", StringComparison.Ordinal) || text.Contains("/dev/", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.IndexOf(' ');
            var head = space < 0 ? line : line[..space];
            var rest = space < 0 ? string.Empty : line[(space + 1)..].Trim();
            var ok = head switch
            {
                "export" or "typeset" or "declare" => IsPlainAssignment(rest),
                "alias" or "set" or "setopt" or "unsetopt" or "shopt" or "bindkey" or "umask" or "complete" or "autoload" => true,
                "source" or "." => rest.StartsWith("~/", StringComparison.Ordinal) || rest.StartsWith("$HOME/", StringComparison.Ordinal)
                    || rest.StartsWith("\"$HOME/", StringComparison.Ordinal),
                _ => IsPlainAssignment(line),
            };

            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlainAssignment(string word)
    {
        var eq = word.IndexOf('=');
        if (eq <= 0 || !ShellVocabulary.IsAssignment(word))
        {
            return false;
        }

        // A variable that makes programs run or load code is not configuration whatever its value.
        return CodeLoadingSettings.OfEnvironment(word[..eq]) == CodeLoadingSettings.Kind.None;
    }
}
