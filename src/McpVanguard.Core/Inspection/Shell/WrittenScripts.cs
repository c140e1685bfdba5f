using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Files a command line writes and then runs: <c>echo 'code' &gt; /tmp/t.py &amp;&amp; python3 /tmp/t.py</c>, <c>cat &lt;&lt;'EOF' &gt; /tmp/r.js … EOF</c>
/// then <c>node /tmp/r.js</c>, <c>tee x.sh &lt;&lt;&lt; '…'; sh x.sh</c>, <c>./x.sh</c>. What was written is the code that runs, so the caller
/// judges it as that program's code (a shell's commands or an interpreter's code). Bounded: the first few files of a line.
/// </summary>
internal sealed class WrittenScripts
{
    private const int MaxFiles = 8;

    private Dictionary<string, string>? _files;

    /// <summary>Records what <paramref name="command"/> writes to a file with echo/printf, or cat/tee of a here-document or here-string.</summary>
    public void Record(ShellCommand command)
    {
        var words = command.Words;
        var k = FindCommand(words, out _);
        if (k >= words.Count || command.Redirects.Count == 0 && NameOf(words[k]) != "tee")
        {
            return;
        }

        var name = NameOf(words[k]);
        string? text = name switch
        {
            "echo" or "printf" => string.Join('\n', words.Skip(k + 1).Where(static w => !w.StartsWith('-'))),
            "cat" or "tee" => command.Heredocs.Count > 0 ? command.Heredocs[0].Body : HereString(command),
            _ => null,
        };

        if (text is null)
        {
            return;
        }

        if (name is "echo" or "printf" && ShellPayloadDecoder.TryUnescape(text, out var unescaped))
        {
            text = unescaped;
        }

        foreach (var r in command.Redirects)
        {
            if (r.Writes && r.Operator != ">&" && r.Target.Length > 0)
            {
                Add(r.Target, text);
            }
        }

        if (name == "tee")
        {
            foreach (var w in words.Skip(k + 1).Where(static w => !w.StartsWith('-')))
            {
                Add(w, text);
            }
        }
    }

    /// <summary>The program that runs a recorded file in <paramref name="command"/> (a shell for <c>./x</c> and <c>source</c>) and the file's text.</summary>
    public bool TryRun(ShellCommand command, out string reader, out string text)
    {
        reader = text = string.Empty;
        var words = command.Words;
        var k = FindCommand(words, out _);
        if (_files is null || k >= words.Count)
        {
            return false;
        }

        var name = NameOf(words[k]);
        if (_files.TryGetValue(Key(words[k]), out var direct))
        {
            (reader, text) = ("sh", direct);
            return true;
        }

        for (var i = k + 1; i < words.Count; i++)
        {
            if (words[i].StartsWith('-'))
            {
                continue;
            }

            if (_files.TryGetValue(Key(words[i]), out var script))
            {
                (reader, text) = (name is "source" or "." ? "sh" : name, script);
                return true;
            }

            return false; // only the first operand is the script a program runs
        }

        return false;
    }

    private static string? HereString(ShellCommand command)
    {
        foreach (var r in command.Redirects)
        {
            if (r.Operator == "<<<")
            {
                return r.Target;
            }
        }

        return null;
    }

    private void Add(string target, string text)
    {
        _files ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (_files.Count < MaxFiles)
        {
            _files[Key(target)] = text;
        }
    }

    private static string Key(string path) => path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
}
