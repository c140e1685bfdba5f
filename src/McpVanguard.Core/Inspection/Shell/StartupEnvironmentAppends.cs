using McpVanguard.Inspection.Paths;
using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// A command line that only appends environment set-up to shell start-up files (<c>echo 'export GOPATH=$HOME/go' &gt;&gt; ~/.zshrc</c>,
/// <c>printf 'export PATH="$HOME/.cargo/bin:$PATH"\n' &gt;&gt; ~/.bash_profile</c>): the same text a write tool puts there, judged by the same
/// reader (<see cref="StartupFileContent"/>), so the shell spelling warns exactly where <c>write_file</c> does. A download, a substitution, a
/// code-loading variable (<c>LD_PRELOAD</c>, <c>PROMPT_COMMAND</c>) or anything but <c>echo</c>/<c>printf</c> keeps the persistence block.
/// </summary>
internal static class StartupEnvironmentAppends
{
    /// <summary>True when every pipeline of <paramref name="text"/> is one <c>echo</c>/<c>printf</c> of environment set-up appended (<c>&gt;&gt;</c>) to start-up files.</summary>
    public static bool IsOnly(string text)
        => text.Length <= 8 * 1024 && text.Contains(">>", StringComparison.Ordinal)
           && PrintOnlyWrites.Into(
               text,
               static (command, k, elevated) => !elevated && command.Heredocs.Count == 0 && PrintedText(command.Words, k) is { } printed
                   && StartupFileContent.SetsEnvironmentOnly(printed),
               static r => r.Operator == ">>" && IsStartupFile(r.Target));

    /// <summary>What <c>echo</c> (operands after its flags) or <c>printf</c> (a lone format, <c>\n</c> read as a line break) prints; null otherwise.</summary>
    private static string? PrintedText(List<string> words, int k)
    {
        var name = NameOf(words[k]);
        var i = k + 1;
        if (name == "echo")
        {
            while (i < words.Count && words[i] is "-e" or "-n" or "-E" or "-ne" or "-en")
            {
                i++;
            }

            return i < words.Count ? string.Join(' ', words.Skip(i)).Replace("\\n", "\n", StringComparison.Ordinal) : null;
        }

        if (name == "printf" && i == words.Count - 1 && !words[i].Contains('%'))
        {
            return words[i].Replace("\\n", "\n", StringComparison.Ordinal);
        }

        return null;
    }

    private static bool IsStartupFile(string target)
    {
        var canonical = target.Trim('"', '\'').Replace('\\', '/').ToLowerInvariant();
        return canonical.Length is > 0 and <= 1024 && SensitivePathCatalog.Match(NormalizedPath.Parse(canonical)) is { RuleId: "PATH-022" };
    }
}
