using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// Tokenizes the command arguments of a request (<c>command</c>, <c>cmd</c>, <c>script</c>, the argv of exec-like tools)
/// and reports reverse shells, download-and-execute, hidden payloads, destructive, privilege, anti-forensics and persistence
/// commands, and options or variables that run other code (SHELL-001…014). Under any key of an exec-like tool; unambiguous attack
/// shapes under any key that is not prose. Chaining alone is not an attack: only what the chain runs is judged.
/// </summary>
public sealed class ShellCommandInspector : IInspector
{
    public string Id => "SHELL-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.AgentToServer || context.Strings.Count == 0)
        {
            return;
        }

        var first = findings.Count;
        var exec = ArgumentRoles.IsExecTool(context.ToolName) || RelaysExecTool(context.Strings.Items);
        var runsCode = exec || ArgumentRoles.RunsCode(context.ToolName);
        var storesText = !runsCode && StoresText(context.ToolName);
        var items = context.Strings.Items;
        var wrapped = WrappedProgramTools.Of(context.ToolName);
        ShellAnalyzer? analyzer = null;
        List<string>? argv = null;
        string? argvKey = null;
        List<string>? lines = null;
        string? linesKey = null;
        for (var i = 0; i < items.Count; i++)
        {
            var s = items[i];
            if (EncodedCommandKeys.Decode(s.Key, s.Decoded, exec) is { } decoded)
            {
                // execute {"script_base64": "…"}: the tool decodes the command and runs it.
                analyzer ??= new ShellAnalyzer(findings);
                analyzer.AnalyzeText(decoded, 0);
                continue;
            }

            if (wrapped is not null && argv is null && WrappedProgramTools.IsOptionsKey(s.Key))
            {
                // git_cli {"args": ["-c", "core.pager=…", "log"]}: the tool's name is the program its argv belongs to.
                argv = [wrapped];
                argvKey = s.Key;
            }

            if (exec && IsProgramKey(s.Key) && IsOneWord(s.Decoded))
            {
                // process_spawn {"program": "/bin/sh", "args": ["-c", "…"]}: the program starts the argv its args complete.
                analyzer ??= new ShellAnalyzer(findings);
                Flush(analyzer, argv);
                argv = [s.Decoded];
                argvKey = s.Key;
                continue;
            }

            if (runsCode && (ArgumentRoles.IsCodeKey(s.Key) || !exec && ArgumentRoles.IsExpressionKey(s.Key)))
            {
                analyzer ??= new ShellAnalyzer(findings);
                analyzer.AnalyzeCode(s.Decoded, 0);

                // A code tool's "program" or "source" may be a command line as well as code (a REPL that shells out, a shell tool).
                InspectUnambiguousShape(s, findings, code: true);
                continue;
            }

            if (ArgumentRoles.IsContentKey(s.Key) && ArgumentRoles.IsWriteTool(context.ToolName) && WrittenBuildSteps.WritesWorkflow(items)
                && WrittenBuildSteps.Of(s.Decoded) is { Length: > 0 } steps)
            {
                // write_file {"path": ".github/workflows/ci.yml", "content": "… run: curl … | sh"}: the runner executes each step on the next push.
                analyzer ??= new ShellAnalyzer(findings);
                analyzer.AnalyzeText(steps, 0);
            }

            if (MakefileRecipes.IsBuildFileKey(s.Key) && MakefileRecipes.Of(s.Decoded) is { Length: > 0 } recipes)
            {
                // make_target {"makefile": "setup:\n\trm -rf ~/.config\n"}: make runs each recipe line in a shell.
                analyzer ??= new ShellAnalyzer(findings);
                analyzer.AnalyzeText(recipes, 0);
                continue;
            }

            var isCommand = ArgumentRoles.IsCommandKey(s.Key);
            if (isCommand && ArgumentRoles.NamesLanguage(context.ToolName))
            {
                // run_python {"script": "import shutil; shutil.rmtree('/')"}: the script is code in that language.
                analyzer ??= new ShellAnalyzer(findings);
                analyzer.AnalyzeCode(s.Decoded, 0);
            }
            var isArgv = !isCommand && (ArgumentRoles.IsArgvKey(s.Key) || wrapped is not null && WrappedProgramTools.IsOptionsKey(s.Key)) && (exec || argv is not null);

            if (!isCommand && !isArgv && exec && CodeLoadingSettings.OfEnvironment(s.Key) != CodeLoadingSettings.Kind.None)
            {
                // {"env": {"LD_PRELOAD": "/tmp/x.so"}}: the tool's environment map, judged as the assignment it is, before the value
                // could pass for a command of its own ("--require /dev/shm/hook.js" is NODE_OPTIONS, not a program).
                analyzer ??= new ShellAnalyzer(findings);
                analyzer.AnalyzeText(s.Key + "=" + ShellQuote(s.Decoded) + " true", 0);
                continue;
            }

            // In a tool that runs what it is given, a command is a command whatever its key (input, keys, line, payload …).
            if (!isCommand && !isArgv && exec && (ArgumentRoles.IsCandidateCommand(s.Key, s.Decoded, context.ToolName) || TypedLines.Continues(s, lines, linesKey)))
            {
                analyzer ??= new ShellAnalyzer(findings);
                analyzer.AnalyzeText(s.Decoded, 0);
                TypedLines.Keep(analyzer, s, ref lines, ref linesKey);
                if (ArgumentRoles.IsExpressionKey(s.Key) && (ArgumentRoles.NamesInterpreter(context.ToolName) || TypedLines.LooksLikeCode(s.Decoded)))
                {
                    // repl {"input": "__import__('os').system('cat /etc/shadow')"}: a REPL's input is a command line or code in
                    // its language, and which one it is cannot be told from the tool: judge it as both.
                    analyzer.AnalyzeCode(s.Decoded, 0);
                }

                // {"request": "{\"op\": \"exec\", \"line\": \"…\"}"}: a JSON document in a string carries the tool's real arguments.
                foreach (var value in EmbeddedJsonStrings(s.Decoded))
                {
                    analyzer.AnalyzeText(value, 0);
                }

                continue;
            }

            if (!isCommand && !isArgv)
            {
                if (!exec && InjectedOptions.IsInjected(s.Key, s.Decoded))
                {
                    // git_diff {"target": "--output=…"}: an option where the wrapper puts an operand.
                    findings.AddOnce(ShellFindings.CodeLoading);
                }

                InspectSmuggledSubstitution(s, findings, ref analyzer);
                if (!storesText)
                {
                    InspectUnambiguousShape(s, findings);
                }

                continue;
            }

            analyzer ??= new ShellAnalyzer(findings);
            if (isCommand)
            {
                analyzer.AnalyzeText(s.Decoded, 0);
            }

            // Array-form commands ({"command": "bash", "args": ["-c", "…"]} or {"command": ["sh", "-c", "…"]}) are one argv.
            if (isCommand && !string.Equals(s.Key, argvKey, StringComparison.Ordinal))
            {
                Flush(analyzer, argv);
                argv = null;
                argvKey = s.Key;
            }

            if (isCommand && argv is null && s.Decoded.Contains(' ', StringComparison.Ordinal))
            {
                // {"commands": ["cd /tmp", "wget -q http://…/x -O x", "chmod +x x && ./x"]}: the lines of one list run in turn, so what
                // one line downloads, the next may run. Kept to be judged together as one script.
                if (!string.Equals(s.Key, linesKey, StringComparison.Ordinal))
                {
                    FlushLines(analyzer, lines);
                    linesKey = s.Key;
                }

                if ((lines ??= []).Count < MaxListLines)
                {
                    lines.Add(s.Decoded);
                }

                continue; // a whole command line, not a program name starting an argv
            }

            if (isArgv && argv is null && EmbeddedJsonStrings(s.Decoded) is { Count: > 0 } embedded)
            {
                // {"arguments": "{\"instruction\": \"nc … -e /bin/sh\"}"}: a JSON document passed as a string is the tool's real
                // arguments; each of its strings is a candidate command.
                foreach (var value in embedded)
                {
                    analyzer.AnalyzeText(value, 0);
                }

                continue;
            }

            if (isArgv && argv is { Count: 1 } && s.Decoded.Contains(' ', StringComparison.Ordinal))
            {
                // process_start {"file": "cmd.exe", "arguments": "/c …"}: a string-valued arguments is the rest of the program's command line.
                analyzer.AnalyzeText(ShellQuote(argv[0]) + " " + s.Decoded, 0);
            }

            if (isArgv && argv is null && ArgumentRoles.IsCandidateCommand("command", s.Decoded))
            {
                // A string-valued "arguments" or "args" with no program before it is a whole command line.
                analyzer.AnalyzeText(s.Decoded, 0);
                continue;
            }

            (argv ??= []).Add(s.Decoded);
        }

        if (analyzer is not null)
        {
            Flush(analyzer, argv);
            FlushLines(analyzer, lines);
        }

        SoftenEnvironmentAppends(items, findings, first);
    }

    /// <summary>
    /// The persistence block (SHELL-011) of a call whose start-up file writes only append environment set-up (<see cref="StartupEnvironmentAppends"/>)
    /// becomes the warning a write tool gets for the same text, unless another string of the call persists on its own (judged again, on hits only).
    /// </summary>
    private static void SoftenEnvironmentAppends(IReadOnlyList<Preflight.ArgumentString> items, List<Finding> findings, int first)
    {
        var index = findings.FindIndex(first, static f => f is { RuleId: "SHELL-011", Action: FindingAction.Block });
        if (index < 0)
        {
            return;
        }

        var appends = 0;
        foreach (var s in items)
        {
            if (StartupEnvironmentAppends.IsOnly(s.Decoded))
            {
                appends++;
                continue;
            }

            var scratch = new List<Finding>();
            new ShellAnalyzer(scratch).AnalyzeText(s.Decoded, 0);
            if (scratch.Exists(static f => f.RuleId == "SHELL-011"))
            {
                return;
            }
        }

        if (appends > 0)
        {
            findings[index] = findings[index] with
            {
                Action = FindingAction.Warn, Severity = Severity.Medium, Reason = "Appends environment set-up to a shell start-up file.",
            };
        }
    }

    /// <summary>Keys with which an agent framework names the tool a step calls (<c>{"action": "Bash", "action_input": "…"}</c>).</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> RelayedToolKeys = System.Collections.Frozen.FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "action", "tool", "tool_name", "toolname", "function", "function_name", "action_name", "recipient_name");

    /// <summary>
    /// True when the call relays a step to a tool that runs commands (<c>agent_step {"action": "Bash", "action_input": "rm -rf ~/"}</c>): its
    /// inputs are that tool's command, whatever the relaying tool is called.
    /// </summary>
    private static bool RelaysExecTool(IReadOnlyList<Preflight.ArgumentString> items)
    {
        foreach (var s in items)
        {
            if (RelayedToolKeys.Contains(s.Key) && IsOneWord(s.Decoded) && ArgumentRoles.IsExecTool(s.Decoded))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Most lines of one command list judged together (bounded work on a crafted list).</summary>
    internal const int MaxListLines = 32;

    /// <summary>Judges the lines of one command list as one script, when there are several (each was judged alone already).</summary>
    internal static void FlushLines(ShellAnalyzer analyzer, List<string>? lines)
    {
        if (lines is { Count: > 1 })
        {
            analyzer.AnalyzeText(string.Join('\n', lines), 0);
        }

        lines?.Clear();
    }

    /// <summary>
    /// <c>$(…)</c> or backticks in a file name, search pattern or other plain argument: servers that build a shell
    /// line from their arguments run it. What the substitution runs is analysed like a command.
    /// </summary>
    private static void InspectSmuggledSubstitution(Preflight.ArgumentString s, List<Finding> findings, ref ShellAnalyzer? analyzer)
    {
        // Prose (a memory's fact, a reason) quotes commands in markdown backticks; it is read, never spliced into a shell line.
        if (ArgumentRoles.IsProseKey(s.Key) || (!s.Decoded.Contains("$(", StringComparison.Ordinal) && !s.Decoded.Contains('`', StringComparison.Ordinal)))
        {
            return;
        }

        var before = findings.Count;
        analyzer ??= new ShellAnalyzer(findings);
        analyzer.AnalyzeText(s.Decoded, 0);
        if (findings.Count == before)
        {
            findings.AddOnce(SmuggledSubstitution);
        }
    }

    /// <summary>
    /// Words that only an attack command carries: a shell on a socket, a pipe into a shell, a decoder, a downloader, a cradle, an append to a
    /// persistence file, an upload.
    /// </summary>
    private static readonly System.Buffers.SearchValues<string> UnambiguousMarks = System.Buffers.SearchValues.Create(
        ["/dev/tcp/", "/dev/udp/", "/inet/tcp/", "nc ", "ncat ", "netcat", "socat", "| sh", "|sh", "| bash", "|bash", "|/bin/", "| /bin/", "bash -i", "sh -i",
         "base64 -d", "base64 --decode", "iex", "invoke-expression", "downloadstring", "curl ", "wget ", "mkfifo", "-encodedcommand", " -enc ",
         "authorized_keys", "crontab", ">> ~/.", ">>~/.", "scp ", "rsync ", "git push", "http.server", "simplehttpserver", "httpd", "php -s", "serve ",
         "sudoers", "nopasswd", "chmod u+s", "chmod +s", "chmod 4755", "setcap ",
         // Destruction of the system, the home or a disk: "rm -rf ~/", "Remove-Item -Recurse $HOME", "mkfs.ext4 /dev/sda", "dd of=/dev/sda".
         "rm -", "--no-preserve-root", "mkfs", "remove-item", "rmdir /s", "rd /s", "dd ", "shred "],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>What the unambiguous shapes may report: reverse shells, download-and-execute, decoded payloads, cradles, destruction of a system location or the home, sudoers and setuid changes, persistence, raw-address uploads.</summary>
    private static bool IsUnambiguousFinding(string ruleId) =>
        ruleId is "SHELL-001" or "SHELL-002" or "SHELL-003" or "SHELL-004" or "SHELL-005" or "SHELL-007" or "SHELL-009" or "SHELL-011" or "SHELL-015" or "SHELL-016";

    /// <summary>The string leaves of a JSON object or array written as a string (bounded in size and depth); empty for anything else.</summary>
    private static List<string> EmbeddedJsonStrings(string value)
    {
        var strings = new List<string>();
        var trimmed = value.AsSpan().Trim();
        if (trimmed.Length < 2 || trimmed.Length > 16 * 1024 || trimmed[0] is not ('{' or '['))
        {
            return strings;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(value, new System.Text.Json.JsonDocumentOptions { MaxDepth = 8 });
            Collect(document.RootElement, strings);
        }
        catch (System.Text.Json.JsonException)
        {
            strings.Clear(); // not JSON: the caller reads it as a command line
        }

        return strings;

        static void Collect(System.Text.Json.JsonElement e, List<string> into)
        {
            switch (e.ValueKind)
            {
                case System.Text.Json.JsonValueKind.String when into.Count < 64:
                    into.Add(e.GetString()!);
                    break;
                case System.Text.Json.JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        Collect(p.Value, into);
                    }

                    break;
                case System.Text.Json.JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Collect(item, into);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// A reverse shell, download-and-execute or decoded payload under any key that is not prose or a search pattern
    /// (<c>{"payload": "curl … | sh"}</c>): these shapes are commands wherever they are written. Only those findings count here.
    /// </summary>
    private static void InspectUnambiguousShape(Preflight.ArgumentString s, List<Finding> findings, bool code = false)
    {
        // The key first (prose and search patterns never count, whatever their size), then the vectorised scan: almost no
        // argument carries any of these words, and it allocates nothing.
        if (!code && ArgumentRoles.IsProseKey(s.Key) || IsPatternKey(s.Key) || s.Decoded.AsSpan().IndexOfAny(UnambiguousMarks) < 0)
        {
            return;
        }

        var scratch = new List<Finding>();
        var analyzer = new ShellAnalyzer(scratch);
        analyzer.AnalyzeText(s.Decoded, 0);
        foreach (var value in EmbeddedJsonStrings(s.Decoded))
        {
            analyzer.AnalyzeText(value, 0);
        }

        foreach (var f in scratch)
        {
            if (IsUnambiguousFinding(f.RuleId))
            {
                findings.AddOnce(f);
            }
        }
    }

    /// <summary>Nouns of tools that store test fixtures: the attacks a detector's tests are made of, kept as data for a harness.</summary>
    private static readonly System.Buffers.SearchValues<string> TextRecords = System.Buffers.SearchValues.Create(
        ["test_case", "testcase", "fixture", "test_data", "testdata", "test_vector", "golden"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Nouns of tools that keep something to run later: their arguments stay commands whatever the verb.</summary>
    private static readonly System.Buffers.SearchValues<string> LaterRuns = System.Buffers.SearchValues.Create(
        ["job", "cron", "task", "hook", "script", "command", "workflow", "pipeline", "exec", "run", "schedule", "action", "automation", "trigger"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A tool that stores test fixtures (<c>create_test_case</c>, <c>add_fixture</c>): an attack in its arguments is what a test feeds a detector,
    /// so the unambiguous shapes are not looked for there (the same line as a fixture file written by a shell). A note or message tool is not
    /// one: a planted command there may be run by whoever reads it. A tool that keeps something to run later is not one either.
    /// </summary>
    /// <remarks>Asked for every call to a tool that runs no code: one vectorised scan of the name, no allocation.</remarks>
    private static bool StoresText(string? toolName) =>
        toolName.AsSpan().ContainsAny(TextRecords) && !toolName.AsSpan().ContainsAny(LaterRuns);

    /// <summary>Search patterns describe text to find, never text to run (<c>{"pattern": "curl .* | sh"}</c>).</summary>
    private static bool IsPatternKey(string key) =>
        key.ToLowerInvariant() is "pattern" or "patterns" or "regex" or "regexp" or "search" or "needle" or "glob" or "filter" or "q" or "term" or "keyword" or "keywords" or "grep";

    /// <summary>Keys that name the program an exec tool starts (its argv follows under <c>args</c>).</summary>
    private static bool IsProgramKey(string key) =>
        key.ToLowerInvariant() is "program" or "executable" or "exe" or "binary" or "file" or "filename" or "command_path" or "interpreter";

    private static bool IsOneWord(string value) =>
        value.Length is > 0 and < 512 && value.AsSpan().IndexOfAny(' ', '\t', '\n') < 0;

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static readonly Finding SmuggledSubstitution = new("SHELL-013", "L1", "MCP-06", Severity.High, FindingAction.Warn,
        "Shell command substitution inside a non-command argument.");

    private static void Flush(ShellAnalyzer analyzer, List<string>? argv)
    {
        if (argv is { Count: > 1 })
        {
            analyzer.AnalyzeArgv(argv, 0);
        }
    }
}
