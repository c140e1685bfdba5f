using System.Buffers;
using System.Collections.Frozen;

namespace McpVanguard.Inspection.Paths;

/// <summary>
/// Reads what is written into a shell start-up file (<c>.bashrc</c>, <c>.zshrc</c>, <c>/etc/environment</c>): lines that only set
/// ordinary environment variables, extend <c>PATH</c> with the user's or the system's program folders, source a file of the
/// user's, hook a tool in (<c>eval "$(starship init bash)"</c>) or define a plain alias are what installers and developers add
/// every day. Anything else (a download, a command substitution, a redirection, a library or code-loading variable, a folder
/// anyone can write to) keeps the write a persistence block.
/// </summary>
internal static class StartupFileContent
{
    /// <summary>Longest content judged line by line; a longer write stays a block.</summary>
    private const int MaxLength = 8 * 1024;

    /// <summary>Variables that load code or libraries into every later program, run a command at each prompt, or re-route trust and traffic.</summary>
    private static readonly FrozenSet<string> CodeLoadingVariables = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "LD_PRELOAD", "LD_AUDIT", "LD_LIBRARY_PATH", "DYLD_INSERT_LIBRARIES", "DYLD_LIBRARY_PATH", "DYLD_FRAMEWORK_PATH", "PROMPT_COMMAND",
        "PS0", "PS4", "BASH_ENV", "ENV", "NODE_OPTIONS", "PYTHONSTARTUP", "PYTHONPATH", "PYTHONHOME", "PERL5OPT", "PERL5LIB", "PERLLIB",
        "RUBYOPT", "RUBYLIB", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "GIT_SSH_COMMAND", "GIT_SSH", "GIT_EXTERNAL_DIFF",
        "GIT_ASKPASS", "GIT_CONFIG_GLOBAL", "GIT_EXEC_PATH", "LESSOPEN", "LESSCLOSE", "SUDO_ASKPASS", "SSH_ASKPASS", "HISTFILE",
        "NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "GIT_SSL_NO_VERIFY",
        "NODE_TLS_REJECT_UNAUTHORIZED", "PYTHONHTTPSVERIFY", "IFS");

    /// <summary>Variables whose value is a program run later: only a bare program name or path is ordinary (<c>EDITOR=vim</c>).</summary>
    private static readonly FrozenSet<string> ProgramVariables = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "EDITOR", "VISUAL", "PAGER", "MANPAGER", "GIT_EDITOR", "GIT_PAGER", "BROWSER", "SHELL");

    /// <summary>Aliases over the commands that ask for a password or a key: a wrapper there captures it.</summary>
    private static readonly FrozenSet<string> GuardedCommands = FrozenSet.Create(StringComparer.Ordinal,
        "sudo", "su", "doas", "ssh", "scp", "sftp", "passwd", "gpg", "pkexec", "login");

    /// <summary>Shell syntax that runs something or redirects (substitution, chaining, pipes, redirection, ANSI-C quoting) or names a URL.</summary>
    private static readonly SearchValues<string> ActiveSyntax = SearchValues.Create(
        ["$(", "`", ";", "|", "&", ">", "<", "://", "$'", "\\x", "\\0"], StringComparison.Ordinal);

    /// <summary>Folders any user or process can write to: a program found there first is anyone's.</summary>
    private static readonly SearchValues<string> SharedFolders = SearchValues.Create(
        ["/tmp", "/var/tmp", "/dev/", "/run/user", "/private/tmp"], StringComparison.OrdinalIgnoreCase);

    /// <summary>True when every line of <paramref name="content"/> is environment set-up as defined above (and there is at least one).</summary>
    public static bool SetsEnvironmentOnly(string content)
    {
        if (content.Length > MaxLength)
        {
            return false;
        }

        var any = false;
        foreach (var raw in content.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }

            if (!IsEnvironmentLine(line))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static bool IsEnvironmentLine(ReadOnlySpan<char> line)
    {
        if (line.ContainsAny(ActiveSyntax) && !IsToolHook(line))
        {
            return false;
        }

        if (IsToolHook(line))
        {
            return true;
        }

        if (line.StartsWith("export ", StringComparison.Ordinal))
        {
            line = line[7..].TrimStart();
        }

        if (line.StartsWith("alias ", StringComparison.Ordinal))
        {
            return IsPlainAlias(line[6..].TrimStart());
        }

        if (line.StartsWith("source ", StringComparison.Ordinal) || line.StartsWith(". ", StringComparison.Ordinal) || line.StartsWith("\\. ", StringComparison.Ordinal))
        {
            var file = Unquote(line[(line.IndexOf(' ') + 1)..].Trim());
            return IsUserFile(file) && !file.Contains(' ');
        }

        var equals = line.IndexOf('=');
        if (equals <= 0 || !IsName(line[..equals]))
        {
            return false;
        }

        var name = line[..equals].ToString();
        var value = Unquote(line[(equals + 1)..]);
        if (CodeLoadingVariables.Contains(name) || value.ContainsAny(SharedFolders))
        {
            return false;
        }

        if (ProgramVariables.Contains(name))
        {
            return !value.ContainsAny(' ', '\t');
        }

        return !name.EndsWith("PATH", StringComparison.OrdinalIgnoreCase) || IsSearchPath(value);
    }

    /// <summary><c>PATH="$HOME/.local/bin:$PATH"</c>: every element is a variable, the home folder or a system program folder.</summary>
    private static bool IsSearchPath(ReadOnlySpan<char> value)
    {
        foreach (var range in value.Split(':'))
        {
            var element = value[range];
            if (element.IsEmpty || element is "." || !(element[0] == '$' || IsUserFile(element) || element.StartsWith("/usr/", StringComparison.Ordinal)
                || element.StartsWith("/opt/", StringComparison.Ordinal) || element.StartsWith("/snap/", StringComparison.Ordinal)
                || element.StartsWith("/nix/", StringComparison.Ordinal) || element is "/bin" or "/sbin" or "/usr/bin" or "/usr/local/bin"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>eval "$(starship init bash)"</c>, <c>eval "$(/opt/homebrew/bin/brew shellenv)"</c>: a tool printing its own shell set-up.</summary>
    private static bool IsToolHook(ReadOnlySpan<char> line)
    {
        if (!line.StartsWith("eval \"$(", StringComparison.Ordinal) || !line.EndsWith(")\"", StringComparison.Ordinal))
        {
            return false;
        }

        var inner = line[8..^2].Trim();
        if (inner.ContainsAny(ActiveSyntax) || inner.ContainsAny(SharedFolders) || inner.ContainsAny('"', '\'', '$'))
        {
            return false;
        }

        var space = inner.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var tool = inner[..space];
        var verb = inner[(space + 1)..].TrimStart();
        var verbEnd = verb.IndexOf(' ');
        var word = verbEnd < 0 ? verb : verb[..verbEnd];
        return (tool[0] != '/' || tool.StartsWith("/opt/", StringComparison.Ordinal) || tool.StartsWith("/usr/", StringComparison.Ordinal)
                || tool.StartsWith("/home/linuxbrew/", StringComparison.Ordinal))
            && word is "init" or "hook" or "env" or "shellenv" or "activate" or "completion" or "completions";
    }

    private static bool IsPlainAlias(ReadOnlySpan<char> definition)
    {
        var equals = definition.IndexOf('=');
        if (equals <= 0 || !IsName(definition[..equals]) || GuardedCommands.Contains(definition[..equals].ToString()))
        {
            return false;
        }

        return !Unquote(definition[(equals + 1)..]).ContainsAny(SharedFolders);
    }

    private static bool IsUserFile(ReadOnlySpan<char> file) =>
        !file.ContainsAny(SharedFolders) && !file.Contains("..", StringComparison.Ordinal)
        && (file.StartsWith("~/", StringComparison.Ordinal) || file.StartsWith("$HOME", StringComparison.Ordinal) || file.StartsWith("${HOME}", StringComparison.Ordinal)
            || file.StartsWith("/home/", StringComparison.Ordinal) || file.StartsWith("/Users/", StringComparison.Ordinal)
            || file.StartsWith("$NVM_DIR/", StringComparison.Ordinal) || file.StartsWith("/usr/share/", StringComparison.Ordinal)
            || file.StartsWith("/opt/", StringComparison.Ordinal));

    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        return value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value;
    }
}
