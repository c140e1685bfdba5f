using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Remote code (SHELL-002): a server's answer spliced into a command line (<c>ls $(curl -s …)</c>), and files fetched or decoded
/// earlier on the line and then run (<c>curl -o x … &amp;&amp; sh x</c>).
/// </summary>
internal sealed partial class ShellAnalyzer
{
    /// <summary>Programs whose arguments are data to compare, count or print: a downloaded word given to them is not run.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> DataConsumers = System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal,
        "echo", "printf", "jq", "yq", "diff", "cmp", "comm", "wc", "sort", "uniq", "grep", "egrep", "fgrep", "rg", "test", "[", "[[", "read");

    /// <summary>
    /// Remote content spliced into a command line (<c>ls $(curl -s https://…)</c>, <c>cat &lt;(wget -qO- …)</c>): the shell runs what a server
    /// chose. An assignment (<c>V=$(curl -s …/latest | jq -r .tag)</c>) or a data consumer (<c>diff &lt;(curl a) &lt;(curl b)</c>) is not.
    /// </summary>
    private void CheckRemoteSubstitution(ShellCommand command, int k)
    {
        if (command.Substitutions.Count == 0 || k >= command.Words.Count && command.Redirects.Count == 0
            || k < command.Words.Count && DataConsumers.Contains(NameOf(command.Words[k])))
        {
            return;
        }

        var inArgument = false;
        for (var i = Math.Min(k, command.Words.Count); i < command.Words.Count && !inArgument; i++)
        {
            inArgument = command.Words[i].Contains("$(", StringComparison.Ordinal) || command.Words[i].Contains('`') || command.Words[i].Contains("<(", StringComparison.Ordinal);
        }

        foreach (var r in command.Redirects)
        {
            inArgument |= r.Target.Contains("$(", StringComparison.Ordinal);
        }

        if (!inArgument)
        {
            return;
        }

        foreach (var sub in command.Substitutions)
        {
            foreach (var p in sub.Pipelines)
            {
                var first = p.Commands.Count > 0 ? p.Commands[0].Words : null;
                var f = first is null ? 0 : FindCommand(first, out _);
                if (first is not null && f < first.Count && (Downloaders.Contains(NameOf(first[f])) || HasRemoteUrl(first, f) && NameOf(first[f]) is not ("echo" or "printf")))
                {
                    Report(ShellFindings.DownloadExecute);
                    return;
                }
            }
        }
    }

    private static bool HasRemoteUrl(List<string> words, int from)
    {
        for (var i = from; i < words.Count; i++)
        {
            var w = words[i];
            if (w.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || w.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || w.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Download then execute: "curl -o x https://… &amp;&amp; chmod +x x &amp;&amp; ./x" (tracks the files fetched or decoded earlier in the line).</summary>
    private void TrackDownload(ShellCommand command, int k, string name, ref List<string>? downloaded)
    {
        var words = command.Words;
        if (downloaded is not null)
        {
            var runs = words[k].Contains('/') && downloaded.Contains(NameOf(words[k]));
            var interpreter = Shells.Contains(name) || name.StartsWith("python", StringComparison.Ordinal) || name is "perl" or "ruby" or "node" or "php" or "source" or ".";
            for (var i = k + 1; i < words.Count && !runs; i++)
            {
                if (words[i].StartsWith('-'))
                {
                    continue;
                }

                var target = downloaded.Contains(NameOf(words[i]));
                runs = target && (interpreter || name == "chmod" && IsExecutableMode(words[k + 1]));
                if (interpreter)
                {
                    break;
                }
            }

            if (runs)
            {
                Report(ShellFindings.DownloadExecute);
            }
        }

        if (IsDecoder(words, k, name))
        {
            // A payload decoded into a file and run later on the line is staged the same way: "xxd -r -p x.hex > /tmp/p && sh /tmp/p".
            foreach (var r in command.Redirects)
            {
                if (r.Writes && r.Target.Length > 0)
                {
                    (downloaded ??= []).Add(NameOf(r.Target));
                }
            }

            return;
        }

        if (!Downloaders.Contains(name))
        {
            return;
        }

        for (var i = k + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Contains("://", StringComparison.Ordinal))
            {
                // The remote name (curl -O, wget without -O) is the URL's last segment.
                var end = w.IndexOfAny(['?', '#']);
                if (NameOf(end < 0 ? w : w[..end]) is { Length: > 0 } file)
                {
                    (downloaded ??= []).Add(file);
                }
            }
        }

        foreach (var target in ShellOutputOptions.Targets(words, k, name))
        {
            (downloaded ??= []).Add(NameOf(target));
        }

        foreach (var r in command.Redirects)
        {
            if (r.Writes && r.Target.Length > 0)
            {
                (downloaded ??= []).Add(NameOf(r.Target));
            }
        }
    }

    private static bool IsExecutableMode(string mode) =>
        mode.Contains('x') && (mode.Contains('+') || mode.Contains('=')) || mode.Length is 3 or 4 && int.TryParse(mode, out var m) && (m / 100 % 10 & 1) == 1;
}
