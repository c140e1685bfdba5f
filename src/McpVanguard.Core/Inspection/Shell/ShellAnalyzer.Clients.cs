using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Everyday clients that run a command line they are given: <c>npm exec -c</c>/<c>npx -c</c> (npm's <c>script-shell</c> is a setting: ShellAnalyzer.PackageConfig),
/// database shells' escapes (<c>mysql -e 'system …'</c>, <c>psql -c '\! …'</c>,
/// <c>sqlite3 … '.shell …'</c>), and <c>kubectl exec … -- cmd</c>. What they run is analysed like any command.
/// </summary>
internal sealed partial class ShellAnalyzer
{
    private void CheckClientCommands(List<string> words, int k, string name, int nesting)
    {
        switch (name)
        {
            case "npm" or "npx" or "pnpm" or "yarn":
                for (var i = k + 1; i < words.Count; i++)
                {
                    var w = words[i];
                    if (w is "-c" or "--call" && i + 1 < words.Count && (name == "npx" || words.Contains("exec") || words.Contains("x") || words.Contains("dlx")))
                    {
                        AnalyzeText(words[++i], nesting + 1);
                    }
                    else if (w.StartsWith("--call=", StringComparison.Ordinal))
                    {
                        AnalyzeText(w[7..], nesting + 1);
                    }
                }

                break;
            case "mysql" or "mariadb":
                for (var i = k + 1; i < words.Count - 1; i++)
                {
                    if (words[i] is "-e" or "--execute")
                    {
                        DatabaseShellEscape(words[i + 1], nesting, "system ", "\\!");
                    }
                }

                break;
            case "psql":
                for (var i = k + 1; i < words.Count - 1; i++)
                {
                    if (words[i] is "-c" or "--command")
                    {
                        DatabaseShellEscape(words[i + 1], nesting, "\\!", "\\o |", "\\g |");
                    }
                }

                break;
            case "sqlite3" or "sqlite":
                for (var i = k + 1; i < words.Count; i++)
                {
                    DatabaseShellEscape(words[i], nesting, ".shell ", ".system ", ".once |", ".output |");
                }

                break;
            case "kubectl" or "oc":
                // kubectl exec POD -- sh -c '…': the words after "--" are a command run in the container.
                if (words.Contains("exec") && words.IndexOf("--") is var dash and > 0 && dash + 1 < words.Count)
                {
                    AnalyzeArgv(words.GetRange(dash + 1, words.Count - dash - 1), nesting + 1);
                }

                break;
        }
    }

    /// <summary>
    /// A database client's escape to the operating system's shell (<c>\! cmd</c>, <c>system cmd</c>, <c>.shell cmd</c>): judged like a rarely set
    /// command option, so <c>\! clear</c> passes and anything more than a plain word (a pipe, an interpreter, a download) counts.
    /// </summary>
    private void DatabaseShellEscape(string script, int nesting, params string[] escapes)
    {
        foreach (var line in script.Split([';', '\n'], StringSplitOptions.TrimEntries))
        {
            foreach (var escape in escapes)
            {
                if (line.StartsWith(escape, StringComparison.OrdinalIgnoreCase))
                {
                    CheckSetting(CodeLoadingSettings.Kind.RareCommand, line[escape.Length..].TrimStart('|', ' '), nesting);
                }
            }
        }
    }
}
