using static McpVanguard.Inspection.Shell.ShellVocabulary;
using Kind = McpVanguard.Inspection.Shell.CodeLoadingSettings.Kind;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Environment variables and settings that make a program run or load other code (SHELL-014): <c>LD_PRELOAD=/tmp/x.so ls</c>,
/// <c>PAGER='sh -c …' git log</c>; a setting's value is judged by its kind in <see cref="CodeLoadingSettings"/>.
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
}
