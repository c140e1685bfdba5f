using System.Collections.Frozen;
using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Program settings that run or load other code: git configuration keys (<c>core.pager</c>, <c>alias.x=!…</c>, <c>diff.external</c>),
/// environment variables (<c>LD_PRELOAD</c>, <c>BASH_ENV</c>, <c>GIT_SSH_COMMAND</c>, <c>NODE_OPTIONS=--require</c>) and the
/// judgement of their values. Values that name an everyday program (<c>core.pager=less</c>, <c>EDITOR=vim</c>) pass; values that
/// run a shell, an interpreter, a network tool, several commands or a file from a temporary directory do not.
/// </summary>
internal static class CodeLoadingSettings
{
    /// <summary>How a setting's value is judged.</summary>
    public enum Kind
    {
        /// <summary>Not a setting that runs anything.</summary>
        None,

        /// <summary>A command line run by the program, often legitimately (a pager, an editor, an ssh command): judged by what it runs.</summary>
        Command,

        /// <summary>A command line rarely set by hand (fsmonitor, upload-pack, a filter driver): any value that is not a plain word counts.</summary>
        RareCommand,

        /// <summary>A library or module loaded into the program (LD_PRELOAD, PYTHONSTARTUP): any file outside the system's libraries counts.</summary>
        LoadedFile,

        /// <summary>A directory searched for libraries or modules: a temporary or hidden directory counts.</summary>
        SearchPath,

        /// <summary>
        /// A start-up script a shell or interpreter sources (BASH_ENV, ENV, PYTHONSTARTUP): the project's own (<c>./ci/env.sh</c>) or the
        /// user's home dot-file is configuration; one in a scratch directory, above the project, behind a variable or a URL is not.
        /// </summary>
        StartupScript,

        /// <summary>Interpreter options (NODE_OPTIONS, JAVA_TOOL_OPTIONS): only options that load code from outside the project are judged.</summary>
        InterpreterOptions,

        /// <summary>Perl's and Ruby's option variables (PERL5OPT, RUBYOPT): any module or debugger they load runs before every script.</summary>
        ModuleOptions,

        /// <summary>The shell a program runs its commands with (make's SHELL, CONFIG_SHELL): a plain shell is everyday; one in a scratch directory, another program or a command is not.</summary>
        Shell,
    }

    /// <summary>Environment variables read by a shell, the loader, git, pagers and interpreters as code to run or load.</summary>
    private static readonly FrozenDictionary<string, Kind> Environment = new Dictionary<string, Kind>(StringComparer.Ordinal)
    {
        ["LD_PRELOAD"] = Kind.LoadedFile, ["LD_AUDIT"] = Kind.LoadedFile, ["DYLD_INSERT_LIBRARIES"] = Kind.LoadedFile,
        ["LD_LIBRARY_PATH"] = Kind.SearchPath, ["DYLD_LIBRARY_PATH"] = Kind.SearchPath, ["PYTHONPATH"] = Kind.SearchPath,
        ["PERL5LIB"] = Kind.SearchPath, ["RUBYLIB"] = Kind.SearchPath, ["NODE_PATH"] = Kind.SearchPath,
        ["BASH_ENV"] = Kind.StartupScript, ["ENV"] = Kind.StartupScript, ["PYTHONSTARTUP"] = Kind.StartupScript, ["ZDOTDIR"] = Kind.SearchPath,
        ["PROMPT_COMMAND"] = Kind.RareCommand, ["PS0"] = Kind.RareCommand, ["PS4"] = Kind.RareCommand,
        ["PAGER"] = Kind.Command, ["MANPAGER"] = Kind.Command, ["GIT_PAGER"] = Kind.Command, ["SYSTEMD_PAGER"] = Kind.Command,
        ["EDITOR"] = Kind.Command, ["VISUAL"] = Kind.Command, ["GIT_EDITOR"] = Kind.Command, ["GIT_SEQUENCE_EDITOR"] = Kind.Command,
        ["SUDO_EDITOR"] = Kind.Command, ["GIT_SSH_COMMAND"] = Kind.Command, ["GIT_SSH"] = Kind.Command, ["GIT_EXTERNAL_DIFF"] = Kind.RareCommand,
        ["GIT_ASKPASS"] = Kind.Command, ["SSH_ASKPASS"] = Kind.Command, ["SUDO_ASKPASS"] = Kind.Command, ["GIT_PROXY_COMMAND"] = Kind.RareCommand,
        ["LESSOPEN"] = Kind.RareCommand, ["LESSCLOSE"] = Kind.RareCommand, ["BROWSER"] = Kind.Command, ["RSYNC_RSH"] = Kind.Command,
        ["GIT_TEMPLATE_DIR"] = Kind.SearchPath, ["GIT_EXEC_PATH"] = Kind.SearchPath,
        ["NODE_OPTIONS"] = Kind.InterpreterOptions, ["PYTEST_ADDOPTS"] = Kind.InterpreterOptions, ["PERL5OPT"] = Kind.ModuleOptions, ["RUBYOPT"] = Kind.ModuleOptions,
        ["JAVA_TOOL_OPTIONS"] = Kind.InterpreterOptions, ["_JAVA_OPTIONS"] = Kind.InterpreterOptions, ["JDK_JAVA_OPTIONS"] = Kind.InterpreterOptions,
        ["PYTHONWARNINGS"] = Kind.None,
        ["RUSTC_WRAPPER"] = Kind.Command, ["RUSTC_WORKSPACE_WRAPPER"] = Kind.Command, ["CARGO_BUILD_RUSTC_WRAPPER"] = Kind.Command, ["RUSTC"] = Kind.Command,
        ["npm_config_script_shell"] = Kind.Command, ["NPM_CONFIG_SCRIPT_SHELL"] = Kind.Command, ["npm_config_node_options"] = Kind.InterpreterOptions,
        ["NPM_CONFIG_NODE_OPTIONS"] = Kind.InterpreterOptions, ["PERL5DB"] = Kind.RareCommand, ["PYTHONHOME"] = Kind.SearchPath,
        // The toolchain a build runs for every file (make, configure, cmake, cargo's cc crate): a compiler or linker name is everyday, a shell
        // with a command or a file in a scratch directory is not. GOFLAGS carries go's -toolexec and -exec, which wrap every tool and binary.
        ["CC"] = Kind.Command, ["CXX"] = Kind.Command, ["CPP"] = Kind.Command, ["LD"] = Kind.Command, ["AR"] = Kind.Command, ["AS"] = Kind.Command,
        ["NM"] = Kind.Command, ["RANLIB"] = Kind.Command, ["STRIP"] = Kind.Command, ["OBJCOPY"] = Kind.Command, ["FC"] = Kind.Command,
        ["HOSTCC"] = Kind.Command, ["HOSTCXX"] = Kind.Command, ["CMAKE_C_COMPILER_LAUNCHER"] = Kind.Command, ["CMAKE_CXX_COMPILER_LAUNCHER"] = Kind.Command,
        ["MAKESHELL"] = Kind.Shell, ["CONFIG_SHELL"] = Kind.Shell, ["GOFLAGS"] = Kind.InterpreterOptions,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Git configuration keys (lower-cased) whose value git runs; <c>*</c> stands for one subsection name.</summary>
    private static readonly (string Key, Kind Kind)[] GitKeys =
    [
        ("core.pager", Kind.Command), ("pager.*", Kind.Command), ("core.editor", Kind.Command), ("sequence.editor", Kind.Command),
        ("core.sshcommand", Kind.Command), ("core.askpass", Kind.Command), ("gpg.program", Kind.Command), ("gpg.*.program", Kind.Command),
        ("web.browser", Kind.Command), ("core.fsmonitor", Kind.RareCommand), ("core.gitproxy", Kind.RareCommand),
        ("diff.external", Kind.RareCommand), ("diff.*.textconv", Kind.RareCommand), ("diff.*.command", Kind.RareCommand),
        ("merge.*.driver", Kind.RareCommand), ("filter.*.clean", Kind.RareCommand), ("filter.*.smudge", Kind.RareCommand),
        ("filter.*.process", Kind.RareCommand), ("credential.helper", Kind.Command), ("uploadpack.packobjectshook", Kind.RareCommand),
        ("remote.*.uploadpack", Kind.RareCommand), ("remote.*.receivepack", Kind.RareCommand), ("difftool.*.cmd", Kind.RareCommand),
        ("mergetool.*.cmd", Kind.RareCommand), ("browser.*.cmd", Kind.RareCommand), ("man.*.cmd", Kind.RareCommand),
        ("sendemail.sendmailcmd", Kind.RareCommand), ("sendemail.tocmd", Kind.RareCommand), ("sendemail.cccmd", Kind.RareCommand),
        ("core.hookspath", Kind.SearchPath), ("init.templatedir", Kind.SearchPath), ("alias.*", Kind.None),
    ];

    /// <summary>Programs a pager, editor or ssh setting names every day.</summary>
    private static readonly FrozenSet<string> EverydayPrograms = FrozenSet.Create(StringComparer.Ordinal,
        "less", "more", "most", "cat", "bat", "batcat", "delta", "diff-so-fancy", "diff-highlight", "vim", "vi", "nvim", "nano", "emacs", "emacsclient",
        "code", "code-insiders", "subl", "mate", "micro", "hx", "helix", "kak", "gedit", "kate", "notepad", "notepad++", "ssh", "plink", "tortoiseplink",
        "gpg", "gpg2", "gpgsm", "ssh-keygen", "meld", "kdiff3", "vimdiff", "nvimdiff", "opendiff", "bcompare", "xdg-open", "open", "firefox",
        "chromium", "google-chrome", "ksshaskpass", "ssh-askpass", "git-credential-manager", "git-credential-manager-core", "manager", "manager-core",
        "store", "cache", "osxkeychain", "libsecret", "wincred", "tig", "lazygit", "riff", "ydiff", "difftastic", "difft", "true", "false", "sudo");

    public static Kind OfEnvironment(string name) =>
        Environment.TryGetValue(name, out var kind) ? kind
        // CARGO_TARGET_<triple>_RUNNER / _LINKER: cargo runs the value for every binary it runs or links.
        : name.StartsWith("CARGO_TARGET_", StringComparison.Ordinal) && (name.EndsWith("_RUNNER", StringComparison.Ordinal) || name.EndsWith("_LINKER", StringComparison.Ordinal)) ? Kind.Command
        : Kind.None;

    /// <summary>cargo configuration keys (<c>--config KEY=VALUE</c>) whose value cargo runs.</summary>
    public static Kind OfCargoKey(string key)
    {
        var k = key.Trim().ToLowerInvariant();
        return k is "build.rustc-wrapper" or "build.rustc-workspace-wrapper" or "build.rustc" or "build.rustdoc" or "host.runner" or "host.linker"
            || k.StartsWith("target.", StringComparison.Ordinal) && (k.EndsWith(".runner", StringComparison.Ordinal) || k.EndsWith(".linker", StringComparison.Ordinal))
            ? Kind.Command : Kind.None;
    }

    /// <summary>npm, pnpm and yarn configuration keys whose value runs every script or loads code into node.</summary>
    public static Kind OfNpmKey(string key) => key.Trim().ToLowerInvariant() switch
    {
        "script-shell" or "shell" or "git" or "editor" or "browser" or "npm_config_script_shell" or "scriptshell" => Kind.Command,
        "node-options" => Kind.InterpreterOptions,
        _ => Kind.None,
    };

    /// <summary>The kind of a git configuration key (any case), or <see cref="Kind.None"/>.</summary>
    public static Kind OfGitKey(string key)
    {
        var k = key.ToLowerInvariant();
        foreach (var (pattern, kind) in GitKeys)
        {
            if (MatchesGitKey(pattern, k))
            {
                return kind;
            }
        }

        return Kind.None;
    }

    /// <summary>True when a git alias is a shell command (<c>!sh -c …</c>): git runs it with the shell.</summary>
    public static bool IsShellAlias(string key, string value) =>
        key.StartsWith("alias.", StringComparison.OrdinalIgnoreCase) && value.TrimStart().StartsWith('!');

    /// <summary>True when <paramref name="value"/>, given to a setting of <paramref name="kind"/>, runs or loads code that is not everyday.</summary>
    public static bool IsDangerous(Kind kind, string value)
    {
        var v = value.Trim();
        switch (kind)
        {
            case Kind.Command:
                return v.Length > 0 && RunsSomethingElse(v);
            case Kind.RareCommand:
                // A boolean or a built-in name ("core.fsmonitor=true", "merge.x.driver=true") runs nothing; a prompt hook that only records
                // history or prints ("PROMPT_COMMAND='history -a'") is how shells are configured.
                return v.Length > 0 && v is not ("true" or "false" or "0" or "1" or "yes" or "no") && !IsGitHelper(v) && !IsEverydayTool(v) && (v.Contains('/') || RunsSomethingElse(v)
                    || v.Contains(' ') && !PromptBuiltins.Contains(v.Trim('\'', '"').Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]));
            case Kind.LoadedFile:
                return v.Length > 0 && !IsSystemLibrary(v);
            case Kind.StartupScript:
                return v.Length > 0 && IsForeignScript(v.Trim('\'', '"'));
            case Kind.SearchPath:
                foreach (var part in v.Split(':'))
                {
                    if (IsUntrustedDirectory(part))
                    {
                        return true;
                    }
                }

                return false;
            case Kind.InterpreterOptions:
                return LoadsCode(v);
            case Kind.Shell:
                var shell = v.Trim('\'', '"');
                return shell.Length > 0 && (IsUntrustedDirectory(shell) || (shell.Contains(' ') ? RunsSomethingElse(shell) : RunsSomethingElse(shell) && !Shells.Contains(NameOf(shell))));
            case Kind.ModuleOptions:
                // "-Mstrict -w" is ordinary; any -M, -d or -r other than a pragma loads code into every run.
                foreach (var option in v.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var o = option.Trim('\'', '"');
                    if (o.Length > 2 && o[0] == '-' && o[1] is 'M' or 'd' or 'r' or 'I' && o[2..] is not ("strict" or "warnings" or "utf8" or "rubygems"))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// A command value that runs more than the everyday program it names: a shell, interpreter, downloader or network relay, several
    /// commands, a substitution, or a program kept in a temporary directory.
    /// </summary>
    public static bool RunsSomethingElse(string value)
    {
        if (value.StartsWith('!') || value.Contains("$(", StringComparison.Ordinal) || value.Contains('`') || value.Contains(';') || value.Contains('|')
            || value.Contains("&&", StringComparison.Ordinal))
        {
            return true;
        }

        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var k = FindCommand([.. words], out _);
        if (k >= words.Length)
        {
            return false;
        }

        var program = words[k].Trim('\'', '"');
        var name = NameOf(program);
        if (IsUntrustedDirectory(program))
        {
            return true;
        }

        if (EverydayPrograms.Contains(name) || name.StartsWith("git-", StringComparison.Ordinal) || name.StartsWith("git", StringComparison.Ordinal) && name.Length == 3)
        {
            return false;
        }

        return Shells.Contains(name) || Downloaders.Contains(name) || NetCats.Contains(name) || IsInterpreter(name)
            || name is "cmd" or "powershell" or "pwsh" or "touch" or "rm" or "chmod" or "cp" or "mv" or "dd" or "id" or "whoami" or "eval" or "exec";
    }

    private static bool IsInterpreter(string name) =>
        name.StartsWith("python", StringComparison.Ordinal) || name.StartsWith("perl", StringComparison.Ordinal) || name.StartsWith("ruby", StringComparison.Ordinal)
        || name.StartsWith("php", StringComparison.Ordinal) || name is "node" or "nodejs" or "julia" or "luajit" or "ts-node" or "tsx" or "elixir" or "groovy" or "deno" or "bun" or "lua" or "tclsh" or "awk" or "gawk" or "osascript";

    /// <summary>NODE_OPTIONS=--require/--import/--loader, PYTEST_ADDOPTS=-p, PERL5OPT=-M/-d, RUBYOPT=-r, -javaagent: of a file outside the project.</summary>
    private static bool LoadsCode(string options)
    {
        var words = options.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i].Trim('\'', '"');
            string? module = null;
            // pytest's "-p plugin" loads a plugin module before the tests (PYTEST_ADDOPTS='-p /tmp/x/plugin').
            if (w is "-r" or "--require" or "--import" or "--loader" or "--experimental-loader" or "-M" or "-I" or "-p" && i + 1 < words.Length)
            {
                module = words[i + 1];
            }
            else if (w.StartsWith("--require=", StringComparison.Ordinal) || w.StartsWith("--import=", StringComparison.Ordinal) || w.StartsWith("--loader=", StringComparison.Ordinal)
                || w.StartsWith("--experimental-loader=", StringComparison.Ordinal))
            {
                module = w[(w.IndexOf('=') + 1)..];
            }
            else if (w.StartsWith("-toolexec=", StringComparison.Ordinal) || w.StartsWith("-exec=", StringComparison.Ordinal))
            {
                // GOFLAGS=-toolexec=PROG: go runs every compiler and linker step through PROG.
                var program = w[(w.IndexOf('=') + 1)..].Trim('\'', '"');
                if (RunsSomethingElse(program) || IsForeignModule(program))
                {
                    return true;
                }
            }
            else if (w.StartsWith("-javaagent:", StringComparison.Ordinal) || w.StartsWith("-agentpath:", StringComparison.Ordinal))
            {
                module = w[(w.IndexOf(':') + 1)..];
            }
            else if (w.Length > 2 && w[0] == '-' && w[1] is 'M' or 'd' or 'r' && !w.StartsWith("--", StringComparison.Ordinal))
            {
                // perl -MModule / -d:Trace, ruby -rlibrary: a module from the search path, run before the program.
                module = w[2..];
            }

            if (module is not null && IsForeignModule(module.Trim('\'', '"')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A module loaded from outside the project: an absolute or home path, a URL or data: URL, or a temporary directory.</summary>
    private static bool IsForeignModule(string module) =>
        module.Length > 0 && (module[0] is '/' or '~' or '\\' || module.Contains("://", StringComparison.Ordinal) || module.StartsWith("data:", StringComparison.Ordinal)
            || module.StartsWith("../", StringComparison.Ordinal) || module.StartsWith('$') || module.Length > 1 && module[1] == ':' || module.Contains('=')
            || IsUntrustedDirectory(module)) && !IsSystemLibrary(module);

    /// <summary>
    /// A driver that is git's own helper (<c>filter.lfs.clean='git-lfs clean -- %f'</c>, <c>git lfs filter-process</c>): what
    /// <c>git lfs install</c> writes into every repository that uses LFS, with nothing chained after it.
    /// </summary>
    private static bool IsGitHelper(string value)
    {
        var v = value.Trim('\'', '"');
        var first = v.Split(' ', 2)[0];
        return first is "git-lfs" or "git" && !RunsSomethingElse(v) && !v.Contains('$') && !v.Contains('>') && !v.Contains('<');
    }

    /// <summary>
    /// A diff, merge or editor command (<c>difftool.vscode.cmd='code --wait --diff $LOCAL $REMOTE'</c>, <c>mergetool.meld.cmd='meld …'</c>) whose program
    /// is a diff tool or an editor named plainly (no directory), given variables and options rather than files by path, with nothing chained,
    /// substituted or redirected: what every diff-tool setup guide writes. Pagers and readers (cat, less) are not among them: a read of a file
    /// by path through a shell escape is still judged.
    /// </summary>
    private static bool IsEverydayTool(string value)
    {
        var words = value.Trim('\'', '"').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !DiffAndEditTools.Contains(words[0].Trim('\'', '"')) || RunsSomethingElse(value)
            || value.Contains('>') || value.Contains('<') || value.Contains('&'))
        {
            return false;
        }

        foreach (var w in words.AsSpan(1))
        {
            if (w.TrimStart('\'', '"') is { Length: > 0 } operand && operand[0] is '/' or '~' or '\\')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Diff and merge tools and editors a difftool, mergetool or editor setting names every day.</summary>
    private static readonly FrozenSet<string> DiffAndEditTools = FrozenSet.Create(StringComparer.Ordinal,
        "code", "code-insiders", "codium", "cursor", "subl", "smerge", "mate", "zed", "idea", "charm", "pycharm", "webstorm", "rider", "clion", "goland",
        "vim", "vi", "nvim", "gvim", "mvim", "nano", "emacs", "emacsclient", "micro", "hx", "helix", "kak",
        "meld", "kdiff3", "vimdiff", "nvimdiff", "gvimdiff", "opendiff", "bcompare", "bc", "bc3", "bc4", "p4merge", "tkdiff", "xxdiff", "diffmerge",
        "winmergeu", "araxis", "compare", "delta", "difft", "difftastic", "ydiff", "diff");

    /// <summary>Shell built-ins a prompt hook runs to record history or print; what they are given is data.</summary>
    private static readonly FrozenSet<string> PromptBuiltins = FrozenSet.Create(StringComparer.Ordinal, "history", "echo", "printf", "pwd", "date", "true", ":", "tput");

    /// <summary>A sourced script from outside the project and the home dot-files: scratch directories, parent paths, variables, URLs, other absolute paths.</summary>
    private static bool IsForeignScript(string path) =>
        IsUntrustedDirectory(path) || path.Contains("://", StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal)
        || path.StartsWith('$') && !path.StartsWith("$HOME/.", StringComparison.Ordinal) || path.StartsWith('/') && !IsSystemLibrary(path) || path.Length > 1 && path[1] == ':'
        || path.StartsWith("~/", StringComparison.Ordinal) && !path.StartsWith("~/.", StringComparison.Ordinal);

    private static bool IsSystemLibrary(string path)
    {
        var p = path.Trim('\'', '"');
        return p.StartsWith("/usr/lib", StringComparison.Ordinal) || p.StartsWith("/lib", StringComparison.Ordinal) || p.StartsWith("/usr/local/lib", StringComparison.Ordinal)
            || p.StartsWith("/opt/homebrew/lib", StringComparison.Ordinal) || p.StartsWith("/usr/share", StringComparison.Ordinal) || p.StartsWith("/nix/store", StringComparison.Ordinal)
            || p.StartsWith("/usr/local/share", StringComparison.Ordinal) || p.StartsWith("/usr/local/opt", StringComparison.Ordinal);
    }

    /// <summary>World-writable or scratch directories, the home of downloaded payloads.</summary>
    public static bool IsUntrustedDirectory(string path)
    {
        var p = path.Trim('\'', '"').ToLowerInvariant();
        return p.StartsWith("/tmp", StringComparison.Ordinal) || p.StartsWith("/var/tmp", StringComparison.Ordinal) || p.StartsWith("/dev/shm", StringComparison.Ordinal)
            || p.StartsWith("$tmpdir", StringComparison.Ordinal) || p.StartsWith("${tmpdir}", StringComparison.Ordinal) || p.StartsWith("/private/tmp", StringComparison.Ordinal)
            || p.StartsWith("%temp%", StringComparison.Ordinal) || p.StartsWith("$env:temp", StringComparison.Ordinal) || p.Contains("/appdata/local/temp", StringComparison.Ordinal)
            || p.StartsWith("/run/user/", StringComparison.Ordinal) || p.StartsWith("/var/crash", StringComparison.Ordinal) || p.StartsWith("/var/mail", StringComparison.Ordinal);
    }

    private static bool MatchesGitKey(string pattern, string key)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return pattern == key;
        }

        // "diff.*.textconv": the subsection between the prefix and the suffix may itself contain dots.
        var prefix = pattern[..star];
        var suffix = pattern[(star + 1)..];
        return key.Length > prefix.Length + suffix.Length && key.StartsWith(prefix, StringComparison.Ordinal) && key.EndsWith(suffix, StringComparison.Ordinal);
    }
}
