using static McpVanguard.Inspection.Shell.ShellVocabulary;
using Kind = McpVanguard.Inspection.Shell.CodeLoadingSettings.Kind;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Options whose value is a program to run (SHELL-014): <c>tar --to-command=…</c>, <c>ssh -o ProxyCommand=…</c>, <c>sed 's/x/y/e'</c>,
/// <c>strace -o '|cmd'</c>. A table per tool, not one regex per example; what the value runs is analysed like any other command.
/// </summary>
internal sealed partial class ShellAnalyzer
{
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
            case "rg" or "ripgrep":
                // --pre CMD runs CMD on every searched file and searches its output: a converter (pdftotext) is everyday; a shell, an
                // interpreter or a program in a scratch directory is code run on every file.
                ForOptions(words, k, nesting, static o => o is "--pre" ? Kind.Command : Kind.None);
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
            case "go":
                // go build -toolexec=PROG, go test -exec PROG: every compile step or test binary runs through PROG.
                ForOptions(words, k, nesting, static o => o is "-toolexec" or "--toolexec" or "-exec" or "--exec" ? Kind.Command : Kind.None);
                return false;
            case "mvn" or "mvnw" or "mvnd":
                MavenExec(words, k, nesting);
                return false;
            case "make" or "gmake":
                // --eval='$(shell CMD)' runs CMD while the makefile is read.
                for (var i = k + 1; i < words.Count; i++)
                {
                    // make SHELL=/tmp/x, make CC='sh -c …': a variable on make's command line overrides the makefile's, and make runs it.
                    if (IsAssignment(words[i]) && words[i].IndexOf('=') is var eq
                        && (words[i][..eq] is "SHELL" ? Kind.Shell : CodeLoadingSettings.OfEnvironment(words[i][..eq])) is var kind and not Kind.None)
                    {
                        CheckSetting(kind, words[i][(eq + 1)..], nesting);
                        continue;
                    }

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
            case "cargo":
                CargoConfig(words, k, nesting);
                return false;
            case "npm" or "pnpm" or "yarn" or "npx":
                NpmConfig(words, k, nesting);
                return false;
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

    /// <summary>
    /// Maven's exec plugin: <c>-Dexec.executable=PROG -Dexec.args='…'</c> runs PROG with those arguments, so the two together are a command
    /// line judged like any command setting (<c>-Dexec.mainClass=…</c> runs the project's own Java).
    /// </summary>
    private void MavenExec(List<string> words, int k, int nesting)
    {
        string? executable = null, arguments = null;
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.StartsWith("-Dexec.executable=", StringComparison.Ordinal))
            {
                executable = w["-Dexec.executable=".Length..];
            }
            else if (w.StartsWith("-Dexec.args=", StringComparison.Ordinal))
            {
                arguments = w["-Dexec.args=".Length..];
            }
        }

        if (executable is not null)
        {
            CheckSetting(Kind.Command, arguments is null ? executable : executable + " " + arguments, nesting);
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
}
