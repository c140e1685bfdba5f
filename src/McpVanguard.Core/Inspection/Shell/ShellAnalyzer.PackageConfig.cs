using System.Buffers;
using static McpVanguard.Inspection.Shell.ShellVocabulary;
using Kind = McpVanguard.Inspection.Shell.CodeLoadingSettings.Kind;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Package managers' settings that run a program (SHELL-014): <c>cargo --config 'target.x.runner="…"'</c>, <c>build.rustc-wrapper</c>;
/// <c>npm config set script-shell …</c>, <c>npm --script-shell=…</c>, <c>node-options</c>. The value is judged like any command setting.
/// </summary>
internal sealed partial class ShellAnalyzer
{
    private void CargoConfig(List<string> words, int k, int nesting)
    {
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            var pair = w == "--config" && i + 1 < words.Count ? words[++i] : w.StartsWith("--config=", StringComparison.Ordinal) ? w[9..] : null;
            var eq = pair?.IndexOf('=') ?? -1;
            if (eq > 0)
            {
                CheckSetting(CodeLoadingSettings.OfCargoKey(pair![..eq]), pair[(eq + 1)..].Trim().Trim('"', '\''), nesting);
            }
        }
    }

    private void NpmConfig(List<string> words, int k, int nesting)
    {
        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w is "set" && i > k + 1 && words[i - 1] == "config" && i + 1 < words.Count)
            {
                // "npm config set script-shell /tmp/x" and "npm config set script-shell=/tmp/x".
                var key = words[i + 1];
                var eq = key.IndexOf('=');
                var value = eq > 0 ? key[(eq + 1)..] : i + 2 < words.Count ? words[i + 2] : string.Empty;
                CheckNpmSetting(eq > 0 ? key[..eq] : key, value, nesting);
                return;
            }

            if (w.StartsWith("--", StringComparison.Ordinal) && w.Length > 2)
            {
                var eq = w.IndexOf('=');
                if (CodeLoadingSettings.OfNpmKey(eq > 0 ? w[2..eq] : w[2..]) != Kind.None)
                {
                    CheckNpmSetting(eq > 0 ? w[2..eq] : w[2..], eq > 0 ? w[(eq + 1)..] : i + 1 < words.Count ? words[++i] : string.Empty, nesting);
                }
            }
        }
    }

    private static readonly SearchValues<char> ShellOperators = SearchValues.Create("|;&$`<>");

    /// <summary>A shell is what <c>script-shell</c> names (<c>bash</c>, Git Bash's path on Windows); a shell with a command, or a file in a scratch directory, is not.</summary>
    private void CheckNpmSetting(string key, string value, int nesting)
    {
        var v = value.Trim().Trim('"', '\'');
        // The program's name is what follows the last separator and a value with options ("/bin/sh -c /tmp/bash") is not a
        // shell; a space elsewhere is a folder ("C:\Program Files\Git\bin\bash.exe").
        if (key is "script-shell" or "shell" && v.AsSpan().IndexOfAny(ShellOperators) < 0 && !v.Contains(" -", StringComparison.Ordinal) && Shells.Contains(NameOf(v)) && !CodeLoadingSettings.IsUntrustedDirectory(v))
        {
            return;
        }

        CheckSetting(CodeLoadingSettings.OfNpmKey(key), value, nesting);
    }
}
