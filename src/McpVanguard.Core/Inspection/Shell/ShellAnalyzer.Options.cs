using static McpVanguard.Inspection.Shell.ShellVocabulary;
using Kind = McpVanguard.Inspection.Shell.CodeLoadingSettings.Kind;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Options and environment variables that make a program run or load other code (SHELL-014): <c>git -c core.pager=…</c>,
/// <c>tar --to-command=…</c>, <c>ssh -o ProxyCommand=…</c>, <c>sed 's/x/y/e'</c>, <c>LD_PRELOAD=/tmp/x.so ls</c>. A table per tool, not
/// one regex per example; what the value runs is analysed like any other command.
/// </summary>
internal sealed partial class ShellAnalyzer
{
    /// <summary>Assignments before the command (<c>X=v cmd</c>, <c>env X=v cmd</c>), bare ones, and <c>export</c>/<c>declare</c> ones.</summary>
    private void CheckEnvironment(List<string> words, int k, string? name, int nesting)
    {
        var exporting = name is "export" or "declare" or "typeset" or "readonly" or "local" or "setenv";
        string? gitKey = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (i == k && !exporting)
            {
                break;
            }

            var w = words[i];
            if (!IsAssignment(w))
            {
                // csh's "setenv NAME value".
                if (name == "setenv" && i == k + 1 && i + 1 < words.Count)
                {
                    CheckSetting(CodeLoadingSettings.OfEnvironment(w), words[i + 1], nesting);
                }

                continue;
            }

            var eq = w.IndexOf('=');
            var variable = w[..eq];
            var value = w[(eq + 1)..];

            // GIT_CONFIG_KEY_<n> / GIT_CONFIG_VALUE_<n> and GIT_CONFIG_PARAMETERS are "git -c" through the environment.
            if (variable.StartsWith("GIT_CONFIG_KEY_", StringComparison.Ordinal))
            {
                gitKey = value;
                continue;
            }

            if (variable.StartsWith("GIT_CONFIG_VALUE_", StringComparison.Ordinal) && gitKey is not null)
            {
                CheckGitSetting(gitKey, value, nesting);
                continue;
            }

            if (variable == "GIT_CONFIG_PARAMETERS")
            {
                foreach (var pair in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var parts = pair.Replace("'", string.Empty, StringComparison.Ordinal).Split('=', 2);
                    if (parts.Length == 2)
                    {
                        CheckGitSetting(parts[0], parts[1], nesting);
                    }
                }

                continue;
            }

            CheckSetting(CodeLoadingSettings.OfEnvironment(variable), value, nesting);
        }
    }

    private void CheckSetting(Kind kind, string value, int nesting)
    {
        if (kind == Kind.None)
        {
            return;
        }

        if (CodeLoadingSettings.IsDangerous(kind, value))
        {
            Report(ShellFindings.CodeLoading);
        }

        if (kind is Kind.Command or Kind.RareCommand)
        {
            AnalyzeText(value, nesting + 1);
        }
    }

    private void CheckGitSetting(string key, string value, int nesting)
    {
        if (CodeLoadingSettings.IsShellAlias(key, value))
        {
            Report(ShellFindings.CodeLoading);
            AnalyzeText(value.TrimStart()[1..], nesting + 1);
            return;
        }

        if (key.Equals("core.hookspath", StringComparison.OrdinalIgnoreCase))
        {
            // Hooks outside the repository (a temporary or home directory) run foreign scripts on every commit; a project's own
            // hooks directory (husky's ".husky/_", ".githooks") is how teams share hooks.
            var v = value.Trim('\'', '"');
            if (v.Length > 0 && (v[0] is '/' or '~' or '$' or '\\' || v.StartsWith("..", StringComparison.Ordinal) || v.Length > 1 && v[1] == ':'))
            {
                Report(ShellFindings.Persistence);
            }

            return;
        }

        CheckSetting(CodeLoadingSettings.OfGitKey(key), value, nesting);
    }

    /// <summary>
    /// Options of the wrappers before the command (which <see cref="ShellVocabulary.FindCommand"/> skips): <c>strace -o '|sh -c …'</c> and
    /// <c>ltrace -o '!cmd'</c> pipe their log into a command line.
    /// </summary>
    private void CheckWrapperOptions(List<string> words, int k, int nesting)
    {
        for (var i = 0; i < Math.Min(k, words.Count) - 1; i++)
        {
            if (NameOf(words[i]) is not ("strace" or "ltrace"))
            {
                continue;
            }

            for (var j = i + 1; j < k; j++)
            {
                var value = words[j] == "-o" && j + 1 < k ? words[j + 1] : words[j].StartsWith("-o", StringComparison.Ordinal) && words[j].Length > 2 ? words[j][2..] : null;
                if (value is { Length: > 1 } && value[0] is '|' or '!')
                {
                    Report(ShellFindings.CodeLoading);
                    AnalyzeText(value[1..], nesting + 1);
                }
            }
        }
    }

    /// <summary>The per-tool table of options whose value is a program to run.</summary>
    private bool CheckProgramOptions(List<string> words, int k, string name, int nesting)
    {
        switch (name)
        {
            case "git":
                Git(words, k, nesting);
                return true;
            case "tar" or "gtar" or "bsdtar":
                ForOptions(words, k, nesting, static o => o switch
                {
                    "--to-command" or "--info-script" or "--new-volume-script" or "-F" or "--rmt-command" => Kind.RareCommand,
                    "--use-compress-program" or "-I" or "--rsh-command" => Kind.Command,
                    _ => Kind.None,
                });
                foreach (var w in words)
                {
                    // --checkpoint-action=exec=CMD runs CMD at every checkpoint.
                    if (w.StartsWith("--checkpoint-action=exec", StringComparison.Ordinal))
                    {
                        var eq = w.IndexOf('=', "--checkpoint-action=exec".Length - 4);
                        CheckSetting(Kind.RareCommand, eq < 0 ? w : w[(eq + 1)..], nesting);
                        Report(ShellFindings.CodeLoading);
                    }
                }

                return true;
            case "zip":
                ForOptions(words, k, nesting, static o => o is "-TT" or "--unzip-command" ? Kind.RareCommand : Kind.None);
                return true;
            case "ssh" or "scp" or "sftp" or "autossh":
                for (var i = k + 1; i < words.Count; i++)
                {
                    var w = words[i];
                    string? option = w == "-o" && i + 1 < words.Count ? words[++i] : w.StartsWith("-o", StringComparison.Ordinal) && w.Length > 2 ? w[2..] : null;
                    if (option is not null)
                    {
                        var sep = option.IndexOfAny(['=', ' ']);
                        var key = sep < 0 ? option : option[..sep].ToLowerInvariant();
                        var value = sep < 0 ? string.Empty : option[(sep + 1)..];
                        CheckSetting(key switch
                        {
                            "proxycommand" => Kind.Command,
                            "localcommand" or "knownhostscommand" or "remotecommand" => Kind.RareCommand,
                            _ => Kind.None,
                        }, value, nesting);
                    }
                    else if (name == "scp" && w == "-S" && i + 1 < words.Count)
                    {
                        CheckSetting(Kind.Command, words[++i], nesting);
                    }
                }

                return false;
            case "rsync":
                ForOptions(words, k, nesting, static o => o is "-e" or "--rsh" or "--rsync-path" ? Kind.Command : Kind.None);
                return false;
            case "man":
                ForOptions(words, k, nesting, static o => o is "-P" or "--pager" or "-H" or "--html" ? Kind.Command : Kind.None);
                return true;
            case "less" or "more" or "vim" or "vi" or "nvim" or "view" or "ex" or "vimdiff" or "rvim":
                // "vim -c ':!sh'", "vim +'!id'", "less '+!sh'": editor and pager commands that escape to a shell.
                for (var i = k + 1; i < words.Count; i++)
                {
                    var w = words[i];
                    var command = w is "-c" or "--cmd" && i + 1 < words.Count ? words[++i] : w.StartsWith('+') ? w[1..] : null;
                    if (command is not null && EscapesToShell(command))
                    {
                        Report(ShellFindings.CodeLoading);
                        AnalyzeText(command.TrimStart(':', '!'), nesting + 1);
                    }
                }

                return true;
            case "sed" or "gsed":
                SedExecutes(words, k, nesting);
                return false;
            case "tcpdump" or "windump":
                // -z CMD runs CMD on every rotated capture file (with -G/-C); nobody types a post-rotate script path by accident.
                ForOptions(words, k, nesting, static o => o is "-z" ? Kind.RareCommand : Kind.None);
                return false;
            case "mysql" or "mariadb":
                // --pager=CMD pipes every result into CMD.
                ForOptions(words, k, nesting, static o => o is "--pager" ? Kind.Command : Kind.None);
                return false;
            case "gdb" or "gdb-multiarch" or "cgdb" or "lldb":
                DebuggerCommands(words, k, nesting);
                return true;
            case "make" or "gmake":
                // --eval='$(shell CMD)' runs CMD while the makefile is read.
                for (var i = k + 1; i < words.Count; i++)
                {
                    var value = words[i].StartsWith("--eval=", StringComparison.Ordinal) ? words[i][7..] : words[i] == "--eval" && i + 1 < words.Count ? words[++i] : null;
                    var at = value?.IndexOf("$(shell", StringComparison.Ordinal) ?? -1;
                    if (at >= 0)
                    {
                        var inner = value![(at + 7)..].TrimEnd();
                        CheckSetting(Kind.RareCommand, inner.EndsWith(')') ? inner[..^1] : inner, nesting);
                    }
                }

                return false;
            case "ansible" or "ansible-console":
                // ansible HOSTS -m shell -a 'CMD': the module runs the argument as a command line.
                if (words.Skip(k + 1).Any(static w => w is "shell" or "command" or "raw" or "-mshell" or "-mcommand" or "-mraw" or "--module-name=shell" or "--module-name=command" or "--module-name=raw"))
                {
                    ForOptions(words, k, nesting, static o => o is "-a" or "--args" ? Kind.Command : Kind.None);
                }

                return false;
            case "xargs":
                RunsPerItem(words, SkipXargsOptions(words, k), nesting);
                return true;
            case "env":
                // env -S 'sh -c …' splits one string into a command line.
                for (var i = k + 1; i < words.Count; i++)
                {
                    var w = words[i];
                    var split = w is "-S" or "--split-string" && i + 1 < words.Count ? words[++i] : w.StartsWith("--split-string=", StringComparison.Ordinal) ? w[15..] : null;
                    if (split is not null)
                    {
                        CheckSetting(Kind.Command, split, nesting);
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private void Git(List<string> words, int k, int nesting)
    {
        var config = false;
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w == "-c" && i + 1 < words.Count || w.StartsWith("-c", StringComparison.Ordinal) && w.Length > 2 && w.Contains('='))
            {
                var pair = w == "-c" ? words[++i] : w[2..];
                var eq = pair.IndexOf('=');
                if (eq > 0)
                {
                    CheckGitSetting(pair[..eq], pair[(eq + 1)..], nesting);
                }
            }
            else if (w is "--upload-pack" or "--receive-pack" or "--exec" or "-u" && i + 1 < words.Count)
            {
                CheckSetting(Kind.RareCommand, words[++i], nesting);
            }
            else if (w.StartsWith("--upload-pack=", StringComparison.Ordinal) || w.StartsWith("--receive-pack=", StringComparison.Ordinal) || w.StartsWith("--exec=", StringComparison.Ordinal))
            {
                CheckSetting(Kind.RareCommand, w[(w.IndexOf('=') + 1)..], nesting);
            }
            else if (w.StartsWith("ext::", StringComparison.OrdinalIgnoreCase))
            {
                // The ext:: transport runs its URL as a command.
                Report(ShellFindings.CodeLoading);
                AnalyzeText(w[5..], nesting + 1);
            }
            else if (w.StartsWith("--config-env=", StringComparison.Ordinal) && w.IndexOf('=', 13) is var eq and > 13)
            {
                ConfigEnv(words, k, w[13..eq], w[(eq + 1)..], nesting);
            }
            else if (w == "foreach" && (i > k + 1 && words[i - 1] == "submodule" || i > k + 2 && words[i - 2] == "submodule"))
            {
                // git submodule foreach [--recursive] '<command>': a shell command run in every submodule.
                if (words.Skip(i + 1).FirstOrDefault(static a => !a.StartsWith("--", StringComparison.Ordinal)) is { } command)
                {
                    AnalyzeText(command, nesting + 1);
                }

                return;
            }
            else if (w == "config")
            {
                config = true;
            }
            else if (config && !w.StartsWith('-') && w.Contains('.'))
            {
                // "git config [--global] key value": the value is stored and run later (persistence as well as execution).
                var value = i + 1 < words.Count ? words[i + 1] : string.Empty;
                if (!words.Exists(static a => a.StartsWith("--get", StringComparison.Ordinal) || a.StartsWith("--unset", StringComparison.Ordinal) || a is "-l" or "--list"))
                {
                    CheckGitSetting(w, value, nesting);
                }

                return;
            }
        }
    }

    /// <summary>
    /// <c>git --config-env=KEY=VAR</c>: the setting's value is the environment variable VAR. Set earlier on the line, it is judged like
    /// <c>-c KEY=value</c>; set where we cannot see it, a key whose value git runs (core.pager, core.sshCommand…) is code loading
    /// (a credential header from the environment, what --config-env is for, is not).
    /// </summary>
    private void ConfigEnv(List<string> words, int k, string key, string variable, int nesting)
    {
        foreach (var a in words.Take(k))
        {
            if (a.StartsWith(variable + "=", StringComparison.Ordinal))
            {
                CheckGitSetting(key, a[(variable.Length + 1)..], nesting);
                return;
            }
        }

        if (CodeLoadingSettings.OfGitKey(key) != Kind.None || CodeLoadingSettings.IsShellAlias(key, "!"))
        {
            Report(ShellFindings.CodeLoading);
        }
    }

    /// <summary>Checks options of the form <c>--opt=value</c>, <c>--opt value</c> and <c>-X value</c> against a table.</summary>
    private void ForOptions(List<string> words, int k, int nesting, Func<string, Kind> table)
    {
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (!w.StartsWith('-'))
            {
                continue;
            }

            var eq = w.IndexOf('=');
            var option = eq > 0 ? w[..eq] : w;
            var kind = table(option);
            if (kind == Kind.None)
            {
                continue;
            }

            var value = eq > 0 ? w[(eq + 1)..] : i + 1 < words.Count ? words[++i] : string.Empty;
            CheckSetting(kind, value, nesting);
        }
    }

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
