using static McpVanguard.Inspection.Shell.ShellVocabulary;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// The files a command line reads, as the shell and the programs it starts will see them: operands of readers (<c>cat</c>, <c>head</c>,
/// <c>cp</c>'s source …) and <c>&lt;</c> redirections after variable, brace, decoding-substitution and glob expansion and against the
/// working directory (<c>cd</c>, <c>pushd</c>, a <c>cwd</c> argument), scripts run by <c>sh -c</c>/<c>eval</c>, and the path literals of
/// interpreter code (<c>python3 -c "open('/etc/shadow')"</c>, a run_python tool's <c>code</c>). The path inspector judges each one.
/// </summary>
public static class ShellReadTargets
{
    /// <summary>How deep <c>sh -c</c> and <c>eval</c> scripts are followed.</summary>
    private const int MaxNesting = 3;

    /// <summary>The paths <paramref name="command"/> reads, started in <paramref name="cwd"/> when known.</summary>
    public static List<ShellPathCandidate> OfCommand(string command, string? cwd)
    {
        var output = new List<ShellPathCandidate>();
        Walk(ShellTokenizer.Parse(command), new ShellExpansion(cwd), output, 0);

        // What the line's own functions and aliases run when it calls them ("show() { cat /etc/$1; }; show shadow").
        if (DefinedCommands.Inline(command) is { } calls)
        {
            Walk(ShellTokenizer.Parse(calls), new ShellExpansion(cwd), output, 1);
        }

        return output;
    }

    /// <summary>The path literals of interpreter code (string literals and joined concatenations that have a path's shape).</summary>
    public static List<ShellPathCandidate> OfCode(string code, string? cwd)
    {
        var output = new List<ShellPathCandidate>();
        if (CodeApis.ActsOnLiterals(code))
        {
            AddCodePaths(code, new ShellExpansion(cwd), output);
        }

        AddShellLines(code, new ShellExpansion(cwd), output);
        return output;
    }

    private static void Walk(ShellScript script, ShellExpansion expansion, List<ShellPathCandidate> output, int nesting)
    {
        var written = new WrittenScripts();
        foreach (var pipeline in script.Pipelines)
        {
            var commands = pipeline.Commands;
            for (var c = 0; c < commands.Count; c++)
            {
                WalkCommand(commands[c], expansion, output, nesting);

                // A file written earlier on the line and run now: its text is the program's code ("echo '…' > /tmp/t.py && python3 /tmp/t.py").
                written.Record(commands[c]);
                if (nesting < MaxNesting && written.TryRun(commands[c], out var runner, out var writtenText))
                {
                    AddFed(runner, writtenText, expansion, output, nesting);
                }

                // "echo /etc/shadow | xargs cat": xargs appends what it reads to the command it runs.
                if (c > 0 && XargsCommand(commands[c - 1], commands[c]) is { } fedCommand)
                {
                    WalkCommand(fedCommand, expansion, output, nesting);
                }
                else if (c > 0 && IsXargs(commands[c]) && expansion.Output(commands, c) is { Length: > 0 } fed)
                {
                    // "printf 2f65… | xxd -r -p | xargs cat", "rev <<< 'wodahs/cte/' | xargs cat": what the stages before print is what xargs appends.
                    var feeder = new ShellCommand();
                    feeder.Words.Add("echo");
                    feeder.Words.Add(fed);
                    if (XargsCommand(feeder, commands[c]) is { } decodedCommand)
                    {
                        WalkCommand(decodedCommand, expansion, output, nesting);
                    }
                }

                // A here-document or an echo fed to an interpreter is its code: "python3 - <<EOF", "cat <<EOF | node", "echo … | python3".
                var reader = StdinInterpreter(commands[c]) ?? (c + 1 < commands.Count ? StdinInterpreter(commands[c + 1]) : null);
                if (reader is null || nesting >= MaxNesting)
                {
                    continue;
                }

                foreach (var heredoc in commands[c].Heredocs)
                {
                    AddFed(reader, heredoc.Body, expansion, output, nesting);
                }

                foreach (var r in commands[c].Redirects)
                {
                    if (r.Operator == "<<<")
                    {
                        // A here-string is the interpreter's input: "tclsh <<< 'exec cat /etc/shadow'", "bash <<< 'cat ~/.ssh/id_rsa'".
                        AddFed(reader, r.Target, expansion, output, nesting);
                    }
                }

                var words = commands[c].Words;
                var k = FindCommand(words, out _);
                if (c + 1 < commands.Count && k < words.Count && NameOf(words[k]) is "echo" or "printf")
                {
                    AddFed(reader, string.Join(' ', words.Skip(k + 1).Where(static w => !w.StartsWith('-'))), expansion, output, nesting);
                }
            }
        }
    }

    private static void WalkCommand(ShellCommand command, ShellExpansion expansion, List<ShellPathCandidate> output, int nesting)
    {
        var words = command.Words;
        expansion.SubstituteWords(words); // "$x" in command position is the command it holds: IFS=,; x=cat,/etc/shadow; $x
        expansion.RecordBuiltin(command);
        var k = FindCommand(words, out _);
        if (!LoadsEnvironment(command, k))
        {
            foreach (var sub in command.Substitutions)
            {
                Walk(sub, expansion, output, nesting);
            }
        }

        foreach (var r in command.Redirects)
        {
            if (r.Operator is "<" or "<>" && r.Target.Length > 0)
            {
                expansion.Expand(r.Target, output);
            }
        }

        if (k >= words.Count)
        {
            // "X=/etc/shadow" on its own: a shell variable for the commands after it.
            for (var i = 0; i < words.Count; i++)
            {
                if (IsAssignment(words[i]))
                {
                    expansion.Assign(words[i]);
                }
            }

            return;
        }

        var name = NameOf(words[k]);
        switch (name)
        {
            case "export" or "declare" or "typeset" or "readonly" or "local":
                for (var i = k + 1; i < words.Count; i++)
                {
                    if (IsAssignment(words[i]))
                    {
                        expansion.Assign(words[i]);
                    }
                }

                return;
            case "cd" or "pushd" or "chdir" or "set-location" or "sl":
                expansion.ChangeDirectory(words.Skip(k + 1).FirstOrDefault(static w => !w.StartsWith('-')) ?? "~");
                return;
            case "popd":
                expansion.ChangeDirectory(null);
                return;
            case "eval":
                if (nesting < MaxNesting)
                {
                    Walk(ShellTokenizer.Parse(expansion.Substitute(string.Join(' ', words.Skip(k + 1)))), expansion, output, nesting + 1);
                }

                return;
        }

        if (Shells.Contains(name) || name is "cmd" or "powershell" or "pwsh")
        {
            var script = InlineScript(words, k, name);

            // PowerShell escapes with a backtick: its backslashes are path separators the POSIX tokenizer must not eat.
            script = name is "powershell" or "pwsh" && script is not null ? JoinedLists.FoldPowerShell(PowerShellExpressions.Fold(script.Replace('\\', '/'))) : script;

            // cmd escapes with a caret, never a backslash: "type %USERPROFILE%\%a%\%b%" keeps its separators.
            script = name == "cmd" && script is not null ? script.Replace('\\', '/') : script;
            if (script is not null && nesting < MaxNesting)
            {
                Walk(ShellTokenizer.Parse(expansion.Substitute(script)), expansion, output, nesting + 1);
            }

            return;
        }

        if (IsInterpreter(name))
        {
            var reads = Readers.Contains(name); // awk's operands after its program are files it reads
            for (var i = k + 1; i < words.Count; i++)
            {
                var w = words[i];
                if (w is "-c" or "-e" or "-E" or "-r" or "--eval" or "-p" or "--print" && i + 1 < words.Count)
                {
                    AddCodePaths(words[i + 1], expansion, output);
                }
                else if (w.Length > 3 && w[0] == '-' && w[1] is 'c' or 'e' && !w.AsSpan(2).ContainsAnyInRange('a', 'z'))
                {
                    AddCodePaths(w[2..], expansion, output);
                }
            }

            // The program as the first operand: awk 'BEGIN{getline < "/etc/shadow"}', deno eval '…', osascript -e handled above.
            var program = CodeOperand(words, k, name);
            if (program is not null)
            {
                AddCodePaths(program, expansion, output);
            }

            // perl -ne 'print' /etc/gshadow, python3 -c 'import sys; print(open(sys.argv[1]).read())' ~/.aws/credentials: the operands
            // after an inline program are the files its loop reads or the argv it opens (an in-place edit prints none of them).
            if (!reads && InlinePrograms.CodeIndex(words, k, name) is var code and > 0 && !InlinePrograms.EditsInPlace(words, k, code))
            {
                AddCodePaths(words[code], expansion, output);
                for (var i = code + 1; i < words.Count; i++)
                {
                    if (!words[i].StartsWith('-'))
                    {
                        expansion.Expand(words[i], output);
                    }
                }
            }

            if (!reads)
            {
                return;
            }
        }

        foreach (var w in words)
        {
            // dd if=/etc/shadow; curl -d @~/.aws/credentials, -F f=@~/.ssh/id_rsa, --upload-file: what they read is sent or copied.
            if (name == "dd" && w.StartsWith("if=", StringComparison.Ordinal))
            {
                expansion.Expand(w[3..], output);
            }
            else if (name is "curl" or "wget" or "http" or "https" && w.IndexOf('@') is var at and >= 0 && (at == 0 || w[at - 1] == '=') && w.Length > at + 1)
            {
                expansion.Expand(w[(at + 1)..].Split(';')[0], output);
            }
        }

        if (ShellSearchArguments.IsSearch(words, k, name))
        {
            // A search pattern is text to find, not a file read: grep -rn '/etc/shadow' src/ reads src/; grep -f FILE reads FILE.
            foreach (var word in ShellSearchArguments.Classify(words, k, name))
            {
                if (word.Role == SearchRole.File)
                {
                    expansion.Expand(words[word.Index][word.Offset..], output);
                }
            }

            return;
        }

        if (!Readers.Contains(name) || name == "sed" && SedInPlace.OnlySubstitutes(words, k))
        {
            if (PackageRunners.RunsFetched(words, k, name))
            {
                // npx tool ~/.aws/credentials, --file=~/.aws/credentials: a file outside the project handed to the fetched code.
                foreach (var value in PackageRunners.OutsideFiles(words, k))
                {
                    expansion.Expand(value, output);
                }
            }

            return;
        }

        var copy = name is "cp" or "scp" or "rsync" or "ln" or "install" or "copy" or "copy-item" or "cpi";

        for (var i = k + 1; i < words.Count; i++)
        {
            if (!words[i].StartsWith('-'))
            {
                expansion.Expand(words[i], output);
                if (copy)
                {
                    break; // only the source of a copy is read
                }
            }
        }
    }

    /// <summary>
    /// The command <c>xargs</c> runs when <paramref name="feeder"/> is an <c>echo</c>/<c>printf</c> whose words it reads: the command after xargs'
    /// options with those words appended, or put where <c>-I {}</c> says; null otherwise.
    /// </summary>
    internal static ShellCommand? XargsCommand(ShellCommand feeder, ShellCommand xargs)
    {
        var words = xargs.Words;
        var k = FindCommand(words, out _);
        var f = FindCommand(feeder.Words, out _);
        if (k >= words.Count || NameOf(words[k]) != "xargs" || f >= feeder.Words.Count || NameOf(feeder.Words[f]) is not ("echo" or "printf"))
        {
            return null;
        }

        string? placeholder = null;
        var i = k + 1;
        while (i < words.Count && words[i].StartsWith('-'))
        {
            var option = words[i];
            if (option is "-I" or "-i" or "--replace" && i + 1 < words.Count)
            {
                placeholder = option == "-i" ? "{}" : words[i + 1];
                i += option == "-i" ? 1 : 2;
                continue;
            }

            if (option.StartsWith("-I", StringComparison.Ordinal) && option.Length > 2)
            {
                placeholder = option[2..];
            }

            i += option is "-n" or "-P" or "-L" or "-d" or "-s" or "-E" or "-a" && i + 1 < words.Count ? 2 : 1;
        }

        var items = new List<string>();
        foreach (var w in feeder.Words.Skip(f + 1).Where(static w => !w.StartsWith('-')))
        {
            // With -I each input line is one item, spaces and all ("echo 'cat /etc/shadow' | xargs -I{} sh -c '{}'" runs the line).
            items.AddRange(placeholder is null ? w.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries) : w.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        if (i >= words.Count || items.Count == 0)
        {
            return null;
        }

        var run = new ShellCommand();
        foreach (var item in placeholder is null ? [string.Empty] : items.Take(16))
        {
            foreach (var w in words.Skip(i))
            {
                run.Words.Add(placeholder is null ? w : w.Replace(placeholder, item, StringComparison.Ordinal));
            }
        }

        if (placeholder is null)
        {
            run.Words.AddRange(items);
        }

        return run;
    }

    private static bool IsXargs(ShellCommand command)
    {
        var k = FindCommand(command.Words, out _);
        return k < command.Words.Count && NameOf(command.Words[k]) == "xargs";
    }

    /// <summary>
    /// <c>export $(grep -v '^#' .env | xargs)</c>, <c>env $(cat .env.local | xargs) npm run dev</c>: the dotenv idiom. Each substitution is a
    /// whole operand of <c>export</c> or <c>env</c>, so what it reads becomes assignments in the shell's own environment, as <c>source .env</c>
    /// would make them, and is printed nowhere. A substitution inside an assignment (<c>X=$(cat …)</c>) is a value and still read.
    /// </summary>
    private static bool LoadsEnvironment(ShellCommand command, int k)
    {
        var words = command.Words;
        var at = command.Substitutions.Count == 0 ? -1 : words.FindIndex(static w => NameOf(w) is "export" or "env");
        if (at < 0 || at > k)
        {
            return false; // env is a prefix the command finder steps over: "env $(…) node server.js"
        }

        var whole = 0;
        for (var i = at + 1; i < words.Count; i++)
        {
            var w = words[i];
            if (w.StartsWith("$(", StringComparison.Ordinal) && w.EndsWith(')') && w.IndexOf("$(", 2, StringComparison.Ordinal) < 0)
            {
                whole++;
            }
            else if (w.Contains("$(", StringComparison.Ordinal) || w.Contains('`'))
            {
                return false;
            }
        }

        return whole == command.Substitutions.Count;
    }

    /// <summary>The name of the interpreter or shell that runs what <paramref name="command"/> reads on standard input, or null.</summary>
    private static string? StdinInterpreter(ShellCommand command)
    {
        var k = FindCommand(command.Words, out _);
        return k < command.Words.Count && ReadsStdin(command.Words, k) ? NameOf(command.Words[k]) : null;
    }

    private static void AddFed(string reader, string text, ShellExpansion expansion, List<ShellPathCandidate> output, int nesting)
    {
        if (Shells.Contains(reader) || reader.Length == 0 || reader[0] is '$' or '`')
        {
            Walk(ShellTokenizer.Parse(text), expansion, output, nesting + 1);
        }
        else
        {
            AddCodePaths(text, expansion, output);
            if (reader is "tclsh" or "wish" or "expect")
            {
                AddTclExec(text, expansion, output, nesting);
            }
        }
    }

    /// <summary>Tcl runs a program with bare words, no quotes: <c>exec cat /etc/shadow</c>, <c>[exec sh -c …]</c>. Each one is a command line.</summary>
    private static void AddTclExec(string code, ShellExpansion expansion, List<ShellPathCandidate> output, int nesting)
    {
        var at = code.IndexOf("exec ", StringComparison.Ordinal);
        for (var count = 0; at >= 0 && count < 16; count++)
        {
            var end = code.IndexOfAny([']', '\n', ';'], at);
            var line = code[(at + 5)..(end < 0 ? code.Length : end)];
            Walk(ShellTokenizer.Parse(line), expansion, output, nesting + 1);
            at = end < 0 ? -1 : code.IndexOf("exec ", end, StringComparison.Ordinal);
        }
    }

    private static string? InlineScript(List<string> words, int k, string name)
    {
        for (var i = k + 1; i < words.Count - 1; i++)
        {
            var w = words[i];
            if (name == "cmd" ? w.Equals("/c", StringComparison.OrdinalIgnoreCase) || w.Equals("/k", StringComparison.OrdinalIgnoreCase)
                : name is "powershell" or "pwsh" ? w.StartsWith("-c", StringComparison.OrdinalIgnoreCase)
                : w.Length > 1 && w[0] == '-' && w[1] != '-' && w.Contains('c'))
            {
                return name == "cmd" || name is "powershell" or "pwsh" ? string.Join(' ', words.Skip(i + 1)) : words[i + 1];
            }
        }

        return null;
    }

    private static bool IsInterpreter(string name) =>
        name.StartsWith("python", StringComparison.Ordinal) || name.StartsWith("perl", StringComparison.Ordinal) || name.StartsWith("ruby", StringComparison.Ordinal)
        || name.StartsWith("php", StringComparison.Ordinal) || name is "node" or "nodejs" or "julia" or "luajit" or "ts-node" or "tsx" or "elixir" or "groovy" or "deno" or "bun" or "lua" or "awk" or "gawk" or "mawk" or "nawk" or "osascript" or "tclsh" or "rscript" or "r";

    /// <summary>
    /// Shell inside a notebook cell: <c>!cat /etc/shadow</c>, <c>%system …</c>, <c>%sx …</c>, and a cell under <c>%%bash</c>, <c>%%sh</c> or
    /// <c>%%script bash</c>: what those lines read.
    /// </summary>
    private static void AddShellLines(string code, ShellExpansion expansion, List<ShellPathCandidate> output)
    {
        if (NotebookShell.Of(code) is { } shell)
        {
            Walk(ShellTokenizer.Parse(shell), expansion, output, 1);
        }
    }

    private static void AddCodePaths(string code, ShellExpansion expansion, List<ShellPathCandidate> output)
    {
        foreach (var literal in InterpreterLiterals.Extract(code))
        {
            // A command line in code (os.system('cat /etc/shadow'), perl's `cat …`) reads what that command reads.
            if (literal.Length is > 3 and <= 4096 && literal.Contains(' ', StringComparison.Ordinal))
            {
                Walk(ShellTokenizer.Parse(literal), expansion, output, MaxNesting);
                continue;
            }

            // A path hidden in base64 (open(base64.b64decode('L2V0Yy9zaGFkb3c=').decode())).
            if (literal.Length is >= 8 and <= 4096 && literal.Length % 4 == 0 && ShellPayloadDecoder.TryBase64(literal, utf16: false, out var decoded)
                && (decoded.StartsWith('/') || decoded.StartsWith('~')) && decoded.AsSpan().IndexOfAny(" \n\t") < 0)
            {
                expansion.Expand(decoded, output);
                continue;
            }

            // Only literals with a path's shape: a bare ".env" or "shadow" in code is as often a key or a word as a file.
            if (literal.Length is > 1 and <= 4096 && !literal.Contains("://", StringComparison.Ordinal) && literal.AsSpan().IndexOfAny(" \n\t") < 0
                && (literal.Contains('/') || literal.Contains('\\') || literal[0] == '~'))
            {
                expansion.Expand(literal, output);
            }
        }
    }
}
