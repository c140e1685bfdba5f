using Kind = McpVanguard.Inspection.Shell.CodeLoadingSettings.Kind;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// git's ways to run a program: <c>-c core.pager=…</c>, <c>-c alias.x='!…'</c>, <c>--upload-pack</c>, the <c>ext::</c> transport,
/// <c>--config-env</c>, <c>submodule foreach</c> and stored <c>git config</c> values (SHELL-014, persistence).
/// </summary>
internal sealed partial class ShellAnalyzer
{
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

    private void Git(List<string> words, int k, int nesting)
    {
        var config = false;
        var subcommand = GitSubcommand(words, k);
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (GitSubcommandOption(subcommand, words, ref i, nesting))
            {
                continue;
            }

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

    /// <summary>The first word after git's global options (<c>-c k=v</c>, <c>-C dir</c>, <c>--git-dir=…</c>): the subcommand, or empty.</summary>
    private static string GitSubcommand(List<string> words, int k)
    {
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w is "-c" or "-C" or "--git-dir" or "--work-tree" or "--namespace")
            {
                i++;
                continue;
            }

            if (!w.StartsWith('-'))
            {
                return w;
            }
        }

        return string.Empty;
    }

    /// <summary>
    /// Options of git and its subcommands that run a program or take code from a directory, beyond <c>-c</c>: <c>grep -O/--open-files-in-pager</c>
    /// (the pager runs with the hits), <c>rebase -x/--exec</c> (a command after every commit: a test runner is everyday, judged by what it runs),
    /// <c>--exec-path</c> (git-* programs from that directory) and <c>clone/init --template</c> (hooks copied from that directory, run on the next
    /// commit). True when <paramref name="i"/> was consumed.
    /// </summary>
    private bool GitSubcommandOption(string subcommand, List<string> words, ref int i, int nesting)
    {
        var w = words[i];
        if (subcommand == "grep" && (w.StartsWith("--open-files-in-pager=", StringComparison.Ordinal) || w.StartsWith("-O", StringComparison.Ordinal) && w.Length > 2))
        {
            // -O takes its value only when attached; a bare -O opens the hits in the default pager.
            CheckSetting(Kind.Command, w[(w[1] == 'O' ? 2 : w.IndexOf('=') + 1)..], nesting);
            return true;
        }

        if (subcommand == "rebase" && (w is "-x" or "--exec" && i + 1 < words.Count || w.StartsWith("--exec=", StringComparison.Ordinal)))
        {
            // "npm run lint && npm test" after every commit is everyday: each command of the chain is judged by what it runs.
            var line = w.Contains('=') ? w[(w.IndexOf('=') + 1)..] : words[++i];
            foreach (var command in line.Split(["&&", "||", ";"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                CheckSetting(Kind.Command, command, nesting);
            }

            return true;
        }

        var directory = w.StartsWith("--exec-path=", StringComparison.Ordinal) || w.StartsWith("--template=", StringComparison.Ordinal) ? w[(w.IndexOf('=') + 1)..]
            : w == "--template" && i + 1 < words.Count && subcommand is "clone" or "init" ? words[++i] : null;
        if (directory is not null)
        {
            CheckSetting(Kind.SearchPath, directory, nesting);
            return true;
        }

        return false;
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
}
