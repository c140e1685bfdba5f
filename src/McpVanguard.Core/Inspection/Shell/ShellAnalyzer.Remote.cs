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
            var runs = words[k].Contains('/') && (downloaded.Contains(NameOf(words[k])) || InClonedFolder(downloaded, words[k]));
            var interpreter = Shells.Contains(name) || name.StartsWith("python", StringComparison.Ordinal) || name is "perl" or "ruby" or "node" or "php" or "source" or ".";
            for (var i = k + 1; i < words.Count && !runs; i++)
            {
                if (words[i].StartsWith('-'))
                {
                    continue;
                }

                var target = downloaded.Contains(NameOf(words[i])) || InClonedFolder(downloaded, words[i]);
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

        if (name == "git" && ClonedFromRawAddress(words, k) is { } folder)
        {
            (downloaded ??= []).Add(folder);
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

    /// <summary>
    /// The folder (with a trailing <c>/</c>) that <c>git clone</c> fills from a repository on a raw IP address (<c>git clone https://203.0.113.40/t.git
    /// /tmp/t</c>): no forge hosts it, so what it holds is a stranger's code, as a curl download is. Null for any other command or host.
    /// </summary>
    private static string? ClonedFromRawAddress(List<string> words, int k)
    {
        var i = k + 1;
        while (i < words.Count && words[i].StartsWith('-'))
        {
            i += words[i] is "-c" or "-C" ? 2 : 1;
        }

        if (i >= words.Count || words[i] != "clone")
        {
            return null;
        }

        string? url = null;
        for (i++; i < words.Count; i++)
        {
            if (words[i].StartsWith('-'))
            {
                i += words[i] is "-b" or "--branch" or "-o" or "--origin" or "--depth" or "-c" or "--config" or "-j" ? 1 : 0;
                continue;
            }

            if (url is null)
            {
                url = words[i];
                continue;
            }

            return RawAddressRemote(url) ? words[i].TrimEnd('/') + "/" : null;
        }

        if (url is null || !RawAddressRemote(url))
        {
            return null;
        }

        var name = NameOf(url.TrimEnd('/'));
        return (name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name) + "/";
    }

    /// <summary>True for a remote whose host is a public IPv4 address (<c>https://203.0.113.40/t.git</c>, <c>git@203.0.113.40:t.git</c>).</summary>
    private static bool RawAddressRemote(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var host = scheme >= 0 ? url[(scheme + 3)..] : url;
        host = host[(host.IndexOf('@') + 1)..];
        var end = host.IndexOfAny([':', '/']);
        host = end < 0 ? host : host[..end];
        return System.Net.IPAddress.TryParse(host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && host.Count(static c => c == '.') == 3
            && Network.IpClassifier.Classify(ip, out _) == Network.UrlRisk.Public; // a team's own git server on 10.0.0.5 is not a stranger
    }

    /// <summary>True when <paramref name="word"/> is a path inside a folder recorded as cloned (an entry ending in <c>/</c>).</summary>
    private static bool InClonedFolder(List<string> downloaded, string word)
    {
        foreach (var d in downloaded)
        {
            if (d.Length > 1 && d[^1] == '/' && (word.StartsWith(d, StringComparison.Ordinal) || word.StartsWith("./" + d, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExecutableMode(string mode) =>
        mode.Contains('x') && (mode.Contains('+') || mode.Contains('=')) || mode.Length is 3 or 4 && int.TryParse(mode, out var m) && (m / 100 % 10 & 1) == 1;
}
