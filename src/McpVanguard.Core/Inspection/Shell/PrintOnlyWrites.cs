using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// A command line that only prints text into files (<c>echo</c>, <c>printf</c>, and where asked <c>cat</c> of a here-document),
/// each file one the caller accepts: no pipe onward, no substitution, no other command, no <c>&gt;&amp;</c>, at least one write.
/// </summary>
internal static class PrintOnlyWrites
{
    /// <param name="acceptsTarget">Whether a redirect target (as written) is a file the caller treats as data.</param>
    /// <param name="catHeredoc">Whether <c>cat &lt;&lt;EOF &gt; file</c> counts as printing.</param>
    public static bool Into(string text, Func<string, bool> acceptsTarget, bool catHeredoc)
        => Into(
            text,
            (command, k, _) => NameOf(command.Words[k]) is "echo" or "printf"
                || catHeredoc && NameOf(command.Words[k]) == "cat" && command.Heredocs.Count > 0 && k == command.Words.Count - 1,
            r => acceptsTarget(r.Target));

    /// <param name="prints">Whether the command (its program at word <c>k</c>, elevated or not) prints only what the caller accepts.</param>
    /// <param name="acceptsWrite">Whether a writing redirect (operator and target) puts the text where the caller treats it as data.</param>
    public static bool Into(string text, Func<ShellCommand, int, bool, bool> prints, Func<ShellRedirect, bool> acceptsWrite)
    {
        if (text.Length > ShellTokenizer.MaxLength || !text.Contains('>'))
        {
            return false;
        }

        var writes = 0;
        foreach (var pipeline in ShellTokenizer.Parse(text).Pipelines)
        {
            if (pipeline.Commands.Count != 1)
            {
                return false;
            }

            var command = pipeline.Commands[0];
            var k = FindCommand(command.Words, out var elevated);
            if (k >= command.Words.Count || command.Substitutions.Count > 0 || !prints(command, k, elevated))
            {
                return false;
            }

            var before = writes;
            foreach (var r in command.Redirects)
            {
                if (!r.Writes)
                {
                    continue;
                }

                // >& names a file for both streams in bash (echo x >& /etc/cron.d/job): never a print into data.
                if (r.Operator == ">&" || !acceptsWrite(r))
                {
                    return false;
                }

                writes++;
            }

            if (writes == before)
            {
                return false; // printed to the terminal, where the agent reads it
            }
        }

        return writes > 0;
    }
}
