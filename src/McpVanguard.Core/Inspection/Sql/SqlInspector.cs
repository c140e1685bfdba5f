using System.Buffers;
using System.Collections.Frozen;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Sql;

/// <summary>
/// SQL as the database runs it (SQL-003, -007, -012, -020…024): statements in SQL fields, command lines and code are
/// tokenized once and judged (file access, program execution, egress, account takeover, UNION of secret columns); other
/// scalar parameters are judged as the literal they will be spliced into (tautologies, stacked statements, comment
/// truncation); operator objects are looked for where plain values belong (NoSQL). Prose is never judged.
/// </summary>
public sealed class SqlInspector : IInspector
{
    /// <summary>Longest scalar value judged as an injection fragment; longer values are documents, not ids or names.</summary>
    private const int MaxFragmentLength = 2048;

    /// <summary>Longest text tokenized as SQL (bounded work per string; the tokenizer also caps tokens).</summary>
    private const int MaxStatementLength = 256 * 1024;

    /// <summary>Keys whose values are prose or file content: they quote SQL, they do not run it.</summary>
    private static readonly FrozenSet<string> ProseKeys = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "content", "contents", "text", "body", "message", "messages", "description", "newText", "oldText", "new_text", "old_text", "new_str",
        "old_str", "newString", "oldString", "new_string", "old_string", "new_content", "replacement", "insert_text", "notes", "note", "summary", "comment", "comments", "title", "subject", "observations",
        "markdown", "html", "readme", "caption", "answer", "reply", "prompt", "patch", "diff", "question", "explanation", "reason", "rationale",
        "fact", "facts", "memory", "observation",
        // Search patterns describe text to find in logs and code (xp_cmdshell|sp_configure), never a statement or a spliced value.
        "pattern", "patterns", "regex", "regexp", "needle");

    /// <summary>
    /// Keys that carry the bound values of a parameterised statement that stores them (<c>{"sql": "INSERT … VALUES ($1)", "params": ["' OR 1=1--"]}</c>):
    /// the driver sends them apart from the SQL text and the row keeps them, so they are data whatever they contain.
    /// </summary>
    private static readonly FrozenSet<string> BoundValueKeys = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "params", "parameters", "args", "arguments", "bind", "binds", "bindings", "bind_params", "bindparams", "values", "variables", "vars", "placeholders");

    /// <summary>Literals without which no statement check can match: the gate that keeps ordinary strings off the tokenizer.</summary>
    private static readonly SearchValues<string> StatementGate = SearchValues.Create(
        ["copy", "pg_", "lo_", "load", "outfile", "dumpfile", "infile", "xp_", "sp_", "backup", "openrowset", "opendatasource", "attach",
         "read_", "parquet_scan", "glob", "sniff_csv", "st_read", "_scan", "install", "extension", "language", "function", "procedure",
         "dblink", "server", "alter", "vacuum", "dbms_java", "dbms_scheduler", "remote(", "remotesecure(", "mysql(", "postgresql(", "mongodb(", "redis(", "jdbc(", "odbc(", "password", "_log_file", "authentication_string", "utl_", "dbms_ldap", "httpuritype", "union",
         "sys_e", "from '", "from \"", "drop", "truncate", "delete", "update", "exec", "prepare", "insert",
         "file(", "url(", "s3(", "s3cluster(", "gcs(", "hdfs(", "azureblobstorage(", "export data", "superuser", "bypassrls", "replication", "sysadmin",
         "_command", "preload", "library_path", "jit_provider", "archive_library"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> FragmentChars = SearchValues.Create("'\";|");

    public string Id => "SQL-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.AgentToServer || context.Message.Method != "tools/call")
        {
            return;
        }

        var exec = ArgumentRoles.IsExecTool(context.ToolName);
        var runsCode = exec || ArgumentRoles.RunsCode(context.ToolName);
        SqlStatementJudge? statements = null;
        SqlFragmentJudge? fragments = null;
        var bound = !exec && HasParameterisedStatement(context.Strings.Items);
        foreach (var s in context.Strings.Items)
        {
            if (s.Key.Length == 0 || s.Key == "name" && s.Raw == context.ToolName || ProseKeys.Contains(s.Key) || ArgumentRoles.IsFileContentKey(s.Key) || bound && BoundValueKeys.Contains(s.Key))
            {
                continue;
            }

            var text = s.Decoded;
            if (ArgumentRoles.IsCommandKey(s.Key) || exec && ArgumentRoles.IsArgvKey(s.Key) || runsCode && ArgumentRoles.IsCodeKey(s.Key))
            {
                // A command line or program source carries SQL only inside its quotes (psql -c "…", execute("…")).
                var before = findings.Count;
                JudgeStatements(ref statements, text, commandLine: true, statementField: false, findings);
                if (findings.Count > before && ArgumentRoles.IsCommandKey(s.Key) && Shell.ShellDataPositions.Mask(text) is var masked && !ReferenceEquals(masked, text))
                {
                    // SQL quoted only in a data position (rg -e 'xp_cmdshell', git commit -m "… DROP TABLE …") is text to find or
                    // store, not a statement: judged again with those positions blanked (the parse is paid on hits only).
                    findings.RemoveRange(before, findings.Count - before);
                    JudgeStatements(ref statements, masked, commandLine: true, statementField: false, findings);
                }

                continue;
            }

            var sqlKey = IsSqlKey(s.Key);
            JudgeStatements(ref statements, text, commandLine: false, statementField: sqlKey || s.Key.Equals("q", StringComparison.OrdinalIgnoreCase), findings);
            if (text.Length <= MaxFragmentLength && (text.AsSpan().ContainsAny(FragmentChars) || HasWordOr(text)))
            {
                // A SQL field holds the whole statement: what its closed literals contain is a value (LIKE '%OR 1=1%'), not a way out of one.
                (fragments ??= new SqlFragmentJudge()).Judge(sqlKey ? SqlLiteralMask.Mask(text) : text, scalar: !sqlKey, findings);
            }
        }

        if (context.Message.Params is { } p && p.ValueKind == System.Text.Json.JsonValueKind.Object && p.TryGetProperty("arguments", out var arguments))
        {
            NoSqlOperatorJudge.Judge(arguments, context.ToolName, findings);
        }
    }

    /// <summary>Judges <paramref name="text"/> when it passes the gate; the judge (token buffers) is made only then, so ordinary strings allocate nothing.</summary>
    private static void JudgeStatements(ref SqlStatementJudge? judgeSlot, string text, bool commandLine, bool statementField, List<Finding> findings)
    {
        if (text.Length > MaxStatementLength || !text.AsSpan().ContainsAny(StatementGate))
        {
            return;
        }

        var judge = judgeSlot ??= new SqlStatementJudge();
        judge.StatementField = statementField;
        judge.Judge(text, commandLine, findings);
        if (!commandLine && text.AsSpan().Count('\'') % 2 == 1)
        {
            // An injected fragment (1' UNION SELECT … INTO OUTFILE '…'-- ) lexes right only after the quote it closes.
            judge.Judge(string.Concat("'", text, "'"), commandLine, findings);
        }
    }

    /// <summary>True when <c>or</c> stands as a word (<c>1 OR 1=1</c>), not inside one (<c>error</c>, <c>for</c>): the gate of the tautology check.</summary>
    private static bool HasWordOr(string text)
    {
        var from = 0;
        while (from < text.Length)
        {
            var i = text.IndexOf("or", from, StringComparison.OrdinalIgnoreCase);
            if (i < 0)
            {
                return false;
            }

            if ((i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2])))
            {
                return true;
            }

            from = i + 2;
        }

        return false;
    }

    /// <summary>True when a SQL field of the call holds a placeholder (<c>$1</c>, <c>?</c>, <c>:name</c>, <c>@name</c>, <c>%s</c>): its values travel bound.</summary>
    private static bool HasParameterisedStatement(IReadOnlyList<ArgumentString> items)
    {
        foreach (var s in items)
        {
            if (IsSqlKey(s.Key) && StoresValues(s.Decoded) && HasPlaceholder(s.Decoded))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for a statement that stores its values (<c>INSERT</c>, <c>REPLACE</c>, <c>MERGE</c>, <c>UPSERT</c>): a payload bound there is a record kept
    /// (a WAF log row). A value bound into a predicate is still judged: a tautology as a lookup value has no everyday use, and a server that
    /// splices its "parameters" into the text is injected by it.
    /// </summary>
    private static bool StoresValues(string sql)
    {
        var s = sql.AsSpan().TrimStart();
        return s.StartsWith("insert", StringComparison.OrdinalIgnoreCase) || s.StartsWith("replace", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("merge", StringComparison.OrdinalIgnoreCase) || s.StartsWith("upsert", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasPlaceholder(string sql)
    {
        for (var i = 0; i + 1 < sql.Length; i++)
        {
            var c = sql[i];
            var next = sql[i + 1];
            if (c == '$' && char.IsAsciiDigit(next) || c == '%' && next == 's' || c is ':' or '@' && char.IsAsciiLetter(next) && (i == 0 || sql[i - 1] is ' ' or '(' or ',' or '=')
                || c == '?' && (i == 0 || sql[i - 1] is ' ' or '(' or ',' or '='))
            {
                return true;
            }
        }

        return sql.Length > 0 && sql[^1] == '?';
    }

    /// <summary>Fields that hold whole SQL statements, where several statements and OR conditions are ordinary.</summary>
    internal static bool IsSqlKey(string key) =>
        key.Contains("sql", StringComparison.OrdinalIgnoreCase) || key.Contains("query", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("statement", StringComparison.OrdinalIgnoreCase) || key.Equals("stmt", StringComparison.OrdinalIgnoreCase);
}
