using static McpVanguard.Inspection.Shell.ShellVocabulary;
using Kind = McpVanguard.Inspection.Shell.CodeLoadingSettings.Kind;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Programs that run a command line they are given as operands or option values (SHELL-014 when the value is a setting that runs code):
/// <c>watch</c>, <c>flock</c>, <c>screen</c>, <c>systemd-run</c>, <c>script -c</c>, <c>xvfb-run</c>, <c>git rebase -x</c>, <c>git bisect run</c>,
/// <c>git difftool -x</c>, <c>git filter-branch --*-filter</c>, apt's <c>-o …::Pre-Invoke::=</c>, cmake's compiler and launcher variables,
/// node's <c>--require</c>/<c>--import</c> and pytest's <c>-p</c> of a module from outside the project. What each runs is analysed like any
/// command, so an everyday value (<c>watch -n 5 kubectl get pods</c>, <c>git rebase -x 'npm test'</c>) passes.
/// </summary>
internal sealed partial class ShellAnalyzer
{
    private void CheckRunners(List<string> words, int k, string name, int nesting)
    {
        switch (name)
        {
            case "watch" or "xvfb-run" or "systemd-run" or "systemd-inhibit" or "caffeinate" or "taskset" or "numactl" or "firejail" or "dbus-launch":
                RunOperands(words, SkipRunnerOptions(words, k + 1, name), nesting);
                return;
            case "flock":
                // flock FILE -c 'cmd' or flock FILE cmd args…
                var c = words.IndexOf("-c", k + 1);
                if (c > 0 && c + 1 < words.Count)
                {
                    AnalyzeText(words[c + 1], nesting + 1);
                }
                else
                {
                    var file = SkipRunnerOptions(words, k + 1, name);
                    RunOperands(words, file + 1, nesting);
                }

                return;
            case "screen":
                RunOperands(words, SkipRunnerOptions(words, k + 1, name), nesting);
                return;
            case "script":
                // script -c 'cmd' [file]: records a session of the command.
                var command = words.FindIndex(k + 1, static w => w is "-c" or "--command");
                if (command > 0 && command + 1 < words.Count)
                {
                    AnalyzeText(words[command + 1], nesting + 1);
                }

                return;
            case "git":
                GitRunners(words, k, nesting);
                return;
            case "apt" or "apt-get" or "apt-cache" or "aptitude":
                for (var i = k + 1; i < words.Count; i++)
                {
                    var option = words[i] is "-o" or "--option" && i + 1 < words.Count ? words[++i] : words[i].StartsWith("-o", StringComparison.Ordinal) && words[i].Length > 2 ? words[i][2..] : null;
                    var eq = option?.IndexOf('=') ?? -1;
                    if (eq > 0 && option![..eq].Contains("invoke", StringComparison.OrdinalIgnoreCase) | option![..eq].Contains("install-pkgs", StringComparison.OrdinalIgnoreCase))
                    {
                        // APT::Update::Pre-Invoke::=CMD, DPkg::Post-Invoke::=CMD: apt runs CMD with the shell around every update or install.
                        CheckSetting(Kind.RareCommand, option[(eq + 1)..], nesting);
                    }
                }

                return;
            case "cmake":
                foreach (var w in words.Skip(k + 1))
                {
                    // -DCMAKE_C_COMPILER=…, -DCMAKE_CXX_COMPILER_LAUNCHER=…, -DCMAKE_LINKER=…: cmake runs the value for every file it builds.
                    var eq = w.IndexOf('=');
                    var key = eq > 2 && w.StartsWith("-D", StringComparison.Ordinal) ? w[2..eq].Split(':')[0].ToUpperInvariant() : null;
                    if (key is not null && key.StartsWith("CMAKE_", StringComparison.Ordinal)
                        && (key.EndsWith("_COMPILER", StringComparison.Ordinal) || key.EndsWith("_COMPILER_LAUNCHER", StringComparison.Ordinal) || key is "CMAKE_LINKER" or "CMAKE_AR"))
                    {
                        CheckSetting(Kind.Command, w[(eq + 1)..], nesting);
                    }
                }

                return;
            case "node" or "nodejs" or "bun" or "pytest" or "py.test":
                InterpreterLoads(words, k, name);
                return;
            case var _ when name.StartsWith("python", StringComparison.Ordinal) && words.IndexOf("pytest", k + 1) is var pytest and > 0 && words[pytest - 1] == "-m":
                InterpreterLoads(words, pytest, "pytest");
                return;
        }
    }

    /// <summary>node/bun <c>-r</c>, <c>--require</c>, <c>--import</c>, <c>--loader</c> and pytest <c>-p</c>: a module from outside the project runs first.</summary>
    private void InterpreterLoads(List<string> words, int k, string name)
    {
        var options = new List<string>();
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            var loads = name is "pytest" or "py.test" ? w is "-p" : w is "-r" or "--require" or "--import" or "--loader" or "--experimental-loader";
            if (loads && i + 1 < words.Count)
            {
                options.Add(w);
                options.Add(words[++i]);
            }
            else if (name is not ("pytest" or "py.test") && w.Contains('=') && w.Split('=')[0] is "--require" or "--import" or "--loader" or "--experimental-loader")
            {
                options.Add(w);
            }
        }

        if (options.Count > 0 && CodeLoadingSettings.IsDangerous(Kind.InterpreterOptions, string.Join(' ', options)))
        {
            Report(ShellFindings.CodeLoading);
        }
    }

    /// <summary>git's own ways to run a command line: <c>rebase -x</c>, <c>bisect run</c>, <c>difftool -x</c>, <c>filter-branch --tree-filter</c> and the other filters.</summary>
    private void GitRunners(List<string> words, int k, int nesting)
    {
        var sub = k + 1;
        while (sub < words.Count && words[sub].StartsWith('-'))
        {
            sub += words[sub] is "-c" or "-C" or "--git-dir" or "--work-tree" or "--namespace" ? 2 : 1;
        }

        if (sub >= words.Count)
        {
            return;
        }

        switch (words[sub])
        {
            case "rebase":
                for (var i = sub + 1; i < words.Count; i++)
                {
                    if (words[i] is "-x" && i + 1 < words.Count)
                    {
                        AnalyzeText(words[++i], nesting + 1);
                    }
                }

                return;
            case "bisect" when sub + 1 < words.Count && words[sub + 1] == "run":
                RunOperands(words, sub + 2, nesting);
                return;
            case "difftool" or "mergetool":
                for (var i = sub + 1; i < words.Count; i++)
                {
                    var value = words[i] is "-x" or "--extcmd" && i + 1 < words.Count ? words[++i] : words[i].StartsWith("--extcmd=", StringComparison.Ordinal) ? words[i][9..] : null;
                    if (value is not null)
                    {
                        CheckSetting(Kind.Command, value, nesting);
                    }
                }

                return;
            case "filter-branch":
                for (var i = sub + 1; i < words.Count; i++)
                {
                    if (words[i].StartsWith("--", StringComparison.Ordinal) && words[i].EndsWith("-filter", StringComparison.Ordinal) && i + 1 < words.Count)
                    {
                        AnalyzeText(words[++i], nesting + 1); // a shell snippet run for every commit
                    }
                }

                return;
        }
    }

    /// <summary>The operands from <paramref name="start"/> on, joined, analysed as the command line the runner starts (one word: its own line).</summary>
    private void RunOperands(List<string> words, int start, int nesting)
    {
        if (start < words.Count)
        {
            AnalyzeText(start == words.Count - 1 ? words[start] : string.Join(' ', words.Skip(start).Select(static w => w.Contains(' ') ? "'" + w.Replace("'", "'\\''", StringComparison.Ordinal) + "'" : w)), nesting + 1);
        }
    }

    /// <summary>Skips a runner's options (and the values of those that take one) to the first word of the command it runs.</summary>
    private static int SkipRunnerOptions(List<string> words, int i, string name)
    {
        while (i < words.Count && words[i].StartsWith('-') && words[i].Length > 1)
        {
            var w = words[i++];
            if (w == "--")
            {
                break;
            }

            if (w.Contains('='))
            {
                continue;
            }

            // The options of each runner that take a value; a cluster ending in one (screen -dmS name) takes it too.
            var last = w[^1];
            var takesValue = name switch
            {
                "watch" => w is "-n" or "--interval" or "-q" or "--equexit",
                "screen" => !w.StartsWith("--", StringComparison.Ordinal) && last is 'S' or 'c' or 'e' or 'p' or 't' or 'h' or 'T' or 's',
                "systemd-run" => w is "-u" or "--unit" or "-p" or "--property" or "--slice" or "-E" or "--setenv" or "--uid" or "--gid" or "--on-calendar"
                    or "--on-active" or "--on-boot" or "--on-unit-active" or "-M" or "--machine" or "--description" or "-H" or "--host" or "--working-directory",
                "flock" => w is "-w" or "--timeout" or "-E" or "--conflict-exit-code",
                "taskset" => w is "-c" or "--cpu-list",
                "numactl" => w.Length == 2,
                "xvfb-run" => w is "-n" or "--server-num" or "-s" or "--server-args" or "-e" or "--error-file" or "-f" or "--auth-file" or "-p" or "--xauth-protocol",
                "systemd-inhibit" => w is "--what" or "--who" or "--why" or "--mode",
                _ => false,
            };
            if (takesValue && i < words.Count)
            {
                i++;
            }
        }

        // taskset's mask is its first operand unless -c gave a list: taskset 0x3 cmd.
        if (name == "taskset" && i < words.Count && !words.Skip(0).Take(i).Contains("-c") && words[i].StartsWith("0x", StringComparison.Ordinal))
        {
            i++;
        }

        return i;
    }
}
