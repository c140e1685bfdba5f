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
}
