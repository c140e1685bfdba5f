using McpVanguard.Inspection.Preflight;

namespace McpVanguard.Inspection;

/// <summary>What an argument string holds, as far as the structured analysers care.</summary>
[Flags]
public enum ArgumentRole
{
    None = 0,
    Command = 1,
    Path = 2,
    Url = 4,
}

/// <summary>
/// Decides which arguments hold paths, commands or URLs, from their key names (and tool names) and value shapes.
/// Conservative on content-like keys: file content, messages and queries are never treated as commands or paths,
/// because text that merely mentions <c>rm -rf /</c> or <c>/etc/passwd</c> is not an action.
/// </summary>
public static class ArgumentRoles
{
    /// <summary>True for keys such as <c>path</c>, <c>file</c>, <c>source</c>, <c>destination</c>, <c>directory</c>.</summary>
    public static bool IsPathKey(string key)
    {
        var k = key.ToLowerInvariant();
        if (IsContentKey(k) || k.Contains("profile") || k.Contains("direct") || k is "fileformat" or "filetype" or "dirty")
        {
            return false;
        }

        return k.Contains("path") || k.Contains("file") || k.Contains("dir") || k.Contains("folder")
            || k is "source" or "src" or "destination" or "dest" or "dst" or "target" or "root" or "location" or "cwd" or "paths";
    }

    /// <summary>True for keys that name a command line or a script: <c>command</c>, <c>cmd</c>, <c>script</c>, <c>shell</c>.</summary>
    public static bool IsCommandKey(string key)
    {
        var k = key.ToLowerInvariant();
        return k is "command" or "cmd" or "script" or "shell" or "commandline" or "command_line" or "cmdline" or "shell_command"
            or "exec" or "run" or "bash" or "powershell" or "commands" or "cmd_line" or "entrypoint"
            // A Makefile recipe, a remote host's command, a CI job's before/after scripts: what a runner executes, whatever the tool is called.
            or "recipe" or "recipes" or "remote_command" or "remote_cmd" or "exec_command" or "run_command" or "before_script" or "after_script"
            or "shell_script" or "shell_cmd" or "command_string" or "commandstring";
    }

    /// <summary>True for keys holding argv items (<c>args</c>, <c>argv</c>, <c>arguments</c>); they are commands only for exec-like tools.</summary>
    public static bool IsArgvKey(string key)
    {
        var k = key.ToLowerInvariant();
        return k is "args" or "argv" or "arguments" or "params" or "parameters";
    }

    /// <summary>True for keys such as <c>url</c>, <c>uri</c>, <c>endpoint</c>, <c>href</c>, <c>link</c>, <c>callback_url</c>.</summary>
    public static bool IsUrlKey(string key)
    {
        var k = key.ToLowerInvariant();
        return k.Contains("url") || k.Contains("uri") || k is "endpoint" or "href" or "link" or "host" or "hostname" or "webhook";
    }

    /// <summary>Keys whose values are free text or file content: never a command or a path, whatever they contain.</summary>
    public static bool IsContentKey(string key)
    {
        var k = key.ToLowerInvariant();
        return k is "content" or "contents" or "text" or "body" or "message" or "messages" or "description" or "query" or "code"
            or "data" or "prompt" or "comment" or "title" or "summary" or "note" or "notes" or "new_string" or "old_string"
            or "newtext" or "oldtext" or "new_text" or "old_text" or "new_str" or "old_str" or "newstring" or "oldstring" or "new_content"
            or "replacement" or "insert_text" or "patch" or "diff" or "value" or "input_text" or "html" or "markdown"
            || IsFileContentKey(k);
    }

    /// <summary>
    /// The body of a file being written, under a key that also names the file: <c>file_text</c> (the text-editor tool's create),
    /// <c>file_content</c>, <c>fileContents</c>, <c>new_file_text</c>, <c>file_body</c>. "file" alone would read it as a path, so that a
    /// fixture quoting <c>../../etc/passwd</c> was judged as a path to it. What the written file is for is judged from the path
    /// argument (a start-up file, a hook); its text is data.
    /// </summary>
    public static bool IsFileContentKey(string key) =>
        // No lower-cased copy: this runs for every argument key of every call.
        key.Contains("file", StringComparison.OrdinalIgnoreCase) && !key.Contains("profile", StringComparison.OrdinalIgnoreCase)
        && (key.EndsWith("text", StringComparison.OrdinalIgnoreCase) || key.EndsWith("content", StringComparison.OrdinalIgnoreCase)
            || key.EndsWith("contents", StringComparison.OrdinalIgnoreCase) || key.EndsWith("body", StringComparison.OrdinalIgnoreCase));

    /// <summary>What a tool name says about the tool, worked out once per name (<see cref="NameTraitCache"/>).</summary>
    [Flags]
    private enum ToolTrait
    {
        None = 0,
        Exec = 1,
        TypesIntoTerminal = 2,
        NamesLanguage = 4,
        NamesInterpreter = 8,
        RunsCode = 16,
        Writes = 32,
    }

    private static readonly NameTraitCache ToolTraits = new(static name => (int)(
        (ComputeIsExecTool(name) ? ToolTrait.Exec : 0)
        | (ComputeTypesIntoTerminal(name) ? ToolTrait.TypesIntoTerminal : 0)
        | (ComputeNamesLanguage(name) ? ToolTrait.NamesLanguage : 0)
        | (ComputeNamesInterpreter(name) ? ToolTrait.NamesInterpreter : 0)
        | (ComputeRunsCode(name) ? ToolTrait.RunsCode : 0)
        | (Behaviour.ToolNameWords.IsWrite(name) ? ToolTrait.Writes : 0)));

    /// <summary>The per-name cache behind the tool predicates (tests: bounded).</summary>
    internal static int CachedToolNames => ToolTraits.Count;

    private static bool Has(string? toolName, ToolTrait trait)
        => !string.IsNullOrEmpty(toolName) && ((ToolTrait)ToolTraits.Of(toolName) & trait) != 0;

    /// <summary>True for tool names that run what they are given: <c>run_command</c>, <c>execute_command</c>, <c>bash</c>, <c>shell</c>, <c>terminal</c>, <c>exec</c>.</summary>
    public static bool IsExecTool(string? toolName) => Has(toolName, ToolTrait.Exec);

    /// <summary>Tools that type what they are given into a terminal, a pane or a process's input.</summary>
    public static bool TypesIntoTerminal(string? toolName) => Has(toolName, ToolTrait.TypesIntoTerminal);

    /// <summary>True for tool names that name the language they run (<c>run_python</c>, <c>node_eval</c>, <c>ruby_exec</c>): a script there is code.</summary>
    public static bool NamesLanguage(string? toolName) => Has(toolName, ToolTrait.NamesLanguage);

    /// <summary>True for tool names that say they evaluate code (<c>repl</c>, <c>evaluate</c>, <c>run_python</c>, an interpreter).</summary>
    public static bool NamesInterpreter(string? toolName) => Has(toolName, ToolTrait.NamesInterpreter);

    /// <summary>True for tool names that run code they are given: exec tools, <c>run_python</c>, <c>evaluate</c>, interpreters, REPLs and notebooks.</summary>
    public static bool RunsCode(string? toolName) => Has(toolName, ToolTrait.RunsCode);

    /// <summary>True for tool names that run what they are given: <c>run_command</c>, <c>execute_command</c>, <c>bash</c>, <c>shell</c>, <c>terminal</c>, <c>exec</c>.</summary>
    private static bool ComputeIsExecTool(string? toolName)
    {
        if (string.IsNullOrEmpty(toolName))
        {
            return false;
        }

        var t = toolName.ToLowerInvariant();
        if (NamesDatabase(t))
        {
            return false; // execute_query, db_execute, exec_sql: they run SQL, which the SQL analyser reads as SQL, not as a command line
        }

        return t.Contains("command") || t.Contains("exec") || t.Contains("shell") || t.Contains("terminal") || t.Contains("bash")
            || t.Contains("powershell") || t.Contains("run_script") || t.Contains("tmux") || t.Contains("send_keys") || t.Contains("sendkeys")
            || t.Contains("console") || t is "run" or "sh" or "cmd" or "system"
            || t.Contains("send_input") || t.Contains("send_text") || t.Contains("write_input") || t.Contains("keystroke") || t.Contains("type_text")
            || t.Contains("iterm") || t.Contains("stdin") || t.StartsWith("pty_", StringComparison.Ordinal) || t.EndsWith("_pty", StringComparison.Ordinal)
            || t.Contains("computer_type") || t.Contains("sandbox") || t.Contains("devbox") || t.Contains("spawn") || t.StartsWith("repl_", StringComparison.Ordinal) || t.EndsWith("_repl", StringComparison.Ordinal) || t == "repl"
            || t.EndsWith("_run", StringComparison.Ordinal) && !t.Contains("sql") && !t.Contains("query")
            || t.StartsWith("run_", StringComparison.Ordinal) && !t.Contains("sql") && !t.Contains("query")
            || ProcessToolNames.StartsOrFeeds(t);
    }

    /// <summary>
    /// True for tool names that say they run database statements (<c>execute_query</c>, <c>db_execute</c>, <c>run_sql</c>, <c>cypher_exec</c>)
    /// and nothing that names a shell: their "execute" is a query's, not a program's.
    /// </summary>
    private static bool NamesDatabase(string t) =>
        (t.Contains("sql") || t.Contains("query") || t.Contains("cypher") || t.Contains("mongo") || t.Contains("db_") || t.StartsWith("db", StringComparison.Ordinal) || t.EndsWith("_db", StringComparison.Ordinal))
        && !(t.Contains("shell") || t.Contains("command") || t.Contains("terminal") || t.Contains("bash") || t.Contains("cmd"));

    /// <summary>
    /// True when a string of an exec-like tool is a candidate command whatever its key (<c>input</c>, <c>keys</c>, <c>line</c>,
    /// <c>payload</c>, a string-valued <c>arguments</c> …): the tool runs what it is given. Prose, path, URL and bookkeeping keys
    /// stay what they are, and a single word is not worth a parse.
    /// </summary>
    public static bool IsCandidateCommand(string key, string value)
    {
        if (key.Length == 0 || IsProseKey(key) && !IsTypedKey(key) || IsPathKey(key) || IsUrlKey(key) || IsBookkeepingKey(key))
        {
            return false;
        }

        return value.AsSpan().IndexOfAny(CommandMarks) >= 0;
    }

    /// <summary>
    /// Keys that are content elsewhere but what an exec-like tool types or runs: <c>terminal_write {"text": …}</c>, <c>send_keys {"data": …}</c>.
    /// A <c>query</c> is what a remote-exec tool runs (<c>ssh_exec {"query": …}</c>). Messages, titles and descriptions stay prose.
    /// </summary>
    public static bool IsTypedKey(string key) =>
        key.ToLowerInvariant() is "text" or "data" or "value" or "content" or "contents" or "body" or "input_text" or "chars" or "characters" or "string" or "query";

    /// <summary>
    /// True when <paramref name="key"/> is what <paramref name="toolName"/> types or runs: the typed keys of any exec-like tool, and in a
    /// tool that types into a terminal (<c>terminal_send</c>, <c>tmux_send_keys</c>, <c>pty_write</c>) its message too.
    /// </summary>
    public static bool IsTypedKey(string key, string? toolName) =>
        IsTypedKey(key) || key.ToLowerInvariant() is "message" or "msg" or "messages" && TypesIntoTerminal(toolName);

    /// <summary>Tools that type what they are given into a terminal, a pane or a process's input.</summary>
    private static bool ComputeTypesIntoTerminal(string? toolName)
    {
        if (string.IsNullOrEmpty(toolName))
        {
            return false;
        }

        var t = toolName.ToLowerInvariant();
        return t.Contains("terminal") || t.Contains("tmux") || t.Contains("send_keys") || t.Contains("sendkeys") || t.Contains("stdin") || t.Contains("console")
            || t.Contains("send_input") || t.Contains("send_text") || t.Contains("write_input") || t.Contains("keystroke") || t.Contains("type_text")
            || t.Contains("iterm") || t.Contains("screen_") || t.StartsWith("pty_", StringComparison.Ordinal) || t.EndsWith("_pty", StringComparison.Ordinal) || t.Contains("computer_type");
    }

    /// <summary>
    /// True when a string of <paramref name="toolName"/> is a command line: a command key, an exec-like tool's argv, or any
    /// other candidate of an exec-like tool (<see cref="IsCandidateCommand(string, string, string?)"/>).
    /// </summary>
    public static bool IsCommandIn(string key, string value, string? toolName) =>
        IsCommandKey(key) || IsExecTool(toolName) && (IsArgvKey(key) || IsCandidateCommand(key, value, toolName));

    /// <summary><see cref="IsCandidateCommand(string, string)"/>, with the keys <paramref name="toolName"/> types counted as typed.</summary>
    public static bool IsCandidateCommand(string key, string value, string? toolName) =>
        IsTypedKey(key, toolName) && !IsTypedKey(key) ? value.AsSpan().IndexOfAny(CommandMarks) >= 0 : IsCandidateCommand(key, value);

    /// <summary>True for tool names that name the language they run (<c>run_python</c>, <c>node_eval</c>, <c>ruby_exec</c>): a script there is code.</summary>
    private static bool ComputeNamesLanguage(string? toolName)
    {
        if (string.IsNullOrEmpty(toolName))
        {
            return false;
        }

        var t = toolName.ToLowerInvariant();
        if (StaticCodeVerbs.Any(t.Contains))
        {
            return false; // format_python, lint_js, explain_ruby: the code is read, never run
        }

        return t.Contains("python") || t.Contains("javascript") || t.Contains("typescript") || t.Contains("nodejs") || t.StartsWith("node_", StringComparison.Ordinal)
            || t.Contains("ruby") || t.Contains("perl") || t.Contains("php") || t.Contains("deno") || t.Contains("lua") || t.StartsWith("js_", StringComparison.Ordinal)
            || t.EndsWith("_js", StringComparison.Ordinal) || t.Contains("_js_") || t.Contains("jupyter") || t.Contains("notebook") || t.Contains("ipython");
    }

    /// <summary>Verbs of tools that read code without running it.</summary>
    private static readonly string[] StaticCodeVerbs =
        ["format", "lint", "check", "parse", "highlight", "explain", "analy", "review", "complete", "refactor", "convert", "translate", "doc", "search", "read", "write", "save"];

    /// <summary>Keys that carry an expression for a code-evaluating tool (<c>evaluate {"expression": …}</c>).</summary>
    public static bool IsExpressionKey(string key) =>
        key.ToLowerInvariant() is "expression" or "expr" or "statement" or "statements" or "script" or "input" or "function" or "cell_source";

    /// <summary>Characters without which a value is one word: no argument, operator, redirection or expansion to judge.</summary>
    private static readonly System.Buffers.SearchValues<char> CommandMarks = System.Buffers.SearchValues.Create(" \t\n|;&<>$`");

    /// <summary>Free text beyond the content keys: what a person reads, never what a program runs.</summary>
    public static bool IsProseKey(string key)
    {
        var k = key.ToLowerInvariant();
        return IsContentKey(k) || k is "subject" or "caption" or "reason" or "explanation" or "answer" or "reply" or "question" or "commit_message"
            or "rationale" or "label" or "labels" or "heading" or "excerpt" or "snippet_text" or "documentation" or "readme" or "observations"
            or "fact" or "facts" or "memory" or "memories" or "observation" or "insight" or "lesson" or "learning" or "remark" or "details" or "story"
            or "changelog" or "release_notes" or "notes_text" or "context";
    }

    /// <summary>Identifiers and settings of an exec tool (a session, a pane, a timeout), never a command line.</summary>
    private static bool IsBookkeepingKey(string key)
    {
        var k = key.ToLowerInvariant();
        return k is "name" or "id" or "session" or "session_id" or "sessionid" or "pane" or "pane_id" or "window" or "timeout" or "timeout_ms"
            or "encoding" or "language" or "lang" or "mode" or "user" or "username" or "host" or "terminal_id" or "tab" or "type";
    }

    /// <summary>True for tool names that run code they are given: exec tools, <c>run_python</c>, <c>evaluate</c>, interpreters, REPLs and notebooks.</summary>
    private static bool ComputeRunsCode(string? toolName)
    {
        if (string.IsNullOrEmpty(toolName))
        {
            return false;
        }

        var t = toolName.ToLowerInvariant();
        return ComputeIsExecTool(t) || ComputeNamesInterpreter(t);
    }

    /// <summary>
    /// True for tool names that say they evaluate code (<c>repl</c>, <c>evaluate</c>, <c>run_python</c>, an interpreter), whether
    /// or not they also count as exec tools: their expression keys hold code in some language as well as command lines.
    /// </summary>
    private static bool ComputeNamesInterpreter(string? toolName)
    {
        if (string.IsNullOrEmpty(toolName))
        {
            return false;
        }

        // A REPL or evaluator, or a runner of code (run_code, execute_script, exec_snippet); not any name with "run" in it: run_command's
        // input is a command line, run_tests and execute_query run no code they are given.
        var t = toolName.ToLowerInvariant();
        return t.Contains("eval") && !t.Contains("retriev") || t.Contains("interpret") || t.Contains("repl") && !t.Contains("replace") && !t.Contains("replic") && !t.Contains("reply")
            || t.Contains("kernel") || (t.Contains("run") || t.Contains("exec")) && CodeNouns.Any(t.Contains)
            || ComputeNamesLanguage(t);
    }

    /// <summary>What a code runner's name says it runs: <c>run_code</c>, <c>execute_script</c>, <c>exec_snippet</c>, <c>run_cell</c>.</summary>
    private static readonly string[] CodeNouns = ["code", "script", "snippet", "cell", "program", "expression", "source", "lambda", "function"];

    /// <summary>True for the keys that carry program source for a code-running tool: <c>code</c>, <c>source</c>, <c>program</c>, <c>cell</c>.</summary>
    public static bool IsCodeKey(string key)
    {
        var k = key.ToLowerInvariant();
        return k is "code" or "source_code" or "sourcecode" or "source" or "program" or "snippet" or "cell" or "script_code" or "python_code" or "js_code";
    }

    /// <summary>
    /// True for tool names that write, move or delete what a path names (so a start-up file becomes persistence), read as
    /// words: <c>write_file</c>, <c>createDirectory</c>, <c>fs.writefile</c>; not <c>get_output</c> or <c>read_input</c>.
    /// </summary>
    public static bool IsWriteTool(string? toolName) => Has(toolName, ToolTrait.Writes);

    /// <summary>The roles of one argument string of a call to <paramref name="toolName"/>.</summary>
    public static ArgumentRole Classify(ArgumentString s, string? toolName)
    {
        var key = s.Key;
        if (key.Length == 0 || key == "name" && s.Raw == toolName)
        {
            // The tool name itself and strings at the top of params are not arguments.
            return ArgumentRole.None;
        }

        var role = ArgumentRole.None;
        if (IsContentKey(key) && !(IsTypedKey(key, toolName) && IsExecTool(toolName)))
        {
            // Content may legitimately quote commands and paths; only an explicit URL-like value is looked at.
            return ArgumentRole.None;
        }

        if (IsCommandIn(key, s.Decoded, toolName))
        {
            role |= ArgumentRole.Command;
        }

        if (IsUrlKey(key) || HasScheme(s.Canonical))
        {
            role |= ArgumentRole.Url;
        }

        if (IsPathKey(key) || LooksLikePath(s.Canonical) && !IsSearchTextKey(key))
        {
            role |= ArgumentRole.Path;
        }

        return role;
    }

    /// <summary>
    /// Keys whose value is text to find in commits, issues, code or logs (<c>git_log {"grep": "/etc/passwd"}</c>): a path written there is
    /// searched for, never opened. File-name patterns (<c>pattern</c>, <c>glob</c>, <c>name</c>) are not among them: FS-017 judges those.
    /// </summary>
    public static bool IsSearchTextKey(string key) => SearchTextKeys.Contains(key);

    private static readonly System.Collections.Frozen.FrozenSet<string> SearchTextKeys = System.Collections.Frozen.FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "grep", "regex", "regexp", "needle", "term", "search_term", "searchterm", "keyword", "keywords", "search",
        "search_text", "searchtext", "q", "text_to_find", "find_text");

    /// <summary>True when the value has a path shape: <c>/x</c>, <c>~</c>, <c>./</c>, <c>../</c>, <c>X:/</c>, <c>//server</c>, <c>file://</c>.</summary>
    public static bool LooksLikePath(string canonical)
    {
        if (canonical.Length == 0 || canonical.Length > 4096 || canonical.Contains('\n'))
        {
            return false;
        }

        var c0 = canonical[0];
        if (c0 == '/' || c0 == '~')
        {
            return canonical.Length == 1 || canonical[1] != '/' || canonical.Length > 2;
        }

        if (c0 == '.' && (canonical.StartsWith("./", StringComparison.Ordinal) || canonical.StartsWith("../", StringComparison.Ordinal) || canonical == ".."))
        {
            return true;
        }

        if (canonical.Length >= 3 && char.IsAsciiLetter(c0) && canonical[1] == ':' && canonical[2] == '/')
        {
            return true;
        }

        return canonical.StartsWith("file:", StringComparison.Ordinal);
    }

    /// <summary>True when the value starts with <c>scheme://</c> (RFC 3986 scheme characters).</summary>
    public static bool HasScheme(string value)
    {
        var colon = value.IndexOf("://", StringComparison.Ordinal);
        if (colon <= 0 || colon > 32)
        {
            return false;
        }

        for (var i = 0; i < colon; i++)
        {
            var c = value[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return char.IsAsciiLetter(value[0]);
    }
}
