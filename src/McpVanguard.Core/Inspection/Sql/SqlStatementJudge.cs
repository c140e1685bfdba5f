using System.Collections.Frozen;
using McpVanguard.Inspection.Network;

namespace McpVanguard.Inspection.Sql;

/// <summary>
/// Judges tokenized SQL statement by statement, as the database would run it: server-side file reads and writes, program
/// execution and native code (SQL-007), connections and exports to other hosts (SQL-020), account takeover (SQL-021),
/// and a UNION that reads secret columns of another table (SQL-022). Literals and comments never count as keywords.
/// </summary>
internal sealed partial class SqlStatementJudge
{
    /// <summary>Functions that read or write server files, or run programs and native code, whatever their arguments.</summary>
    private static readonly FrozenSet<string> FileOrCodeFunctions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file", "pg_file_write", "lo_import", "lo_export", "load_file",
        "sys_exec", "sys_eval", "load_extension");

    /// <summary>Procedures that run commands or COM objects, or write the registry (called with EXEC, without parentheses).</summary>
    private static readonly FrozenSet<string> CommandProcedures = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "xp_cmdshell", "sp_oacreate", "sp_oamethod", "sp_execute_external_script", "xp_regwrite", "xp_regdeletevalue");

    /// <summary>Procedures that touch a (possibly remote, UNC) path: out-of-band channels and NTLM hash leaks.</summary>
    private static readonly FrozenSet<string> PathProcedures = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "xp_dirtree", "xp_fileexist", "xp_subdirs", "sp_addlinkedserver", "sp_addlinkedsrvlogin");

    /// <summary>DuckDB and ClickHouse table functions over files or URLs.</summary>
    private static readonly FrozenSet<string> FileTableFunctions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "read_csv", "read_csv_auto", "read_parquet", "parquet_scan", "read_json", "read_json_auto", "read_ndjson", "read_ndjson_auto",
        "read_json_objects", "read_text", "read_blob", "read_xlsx", "st_read", "sniff_csv", "glob", "csv_scan", "delta_scan", "iceberg_scan",
        // ClickHouse table functions read the same way: file('/etc/passwd', 'LineAsString'), url(…), s3(…).
        "file", "url", "s3", "s3cluster", "gcs", "hdfs", "azureblobstorage");

    /// <summary>ClickHouse table functions that read another database server's tables (a connection from the database to any host).</summary>
    private static readonly FrozenSet<string> DatabaseTableFunctions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "remote", "remotesecure", "mysql", "postgresql", "mongodb", "redis", "jdbc", "odbc");

    /// <summary>Oracle packages that open network connections from the server (out-of-band exfiltration).</summary>
    private static readonly FrozenSet<string> NetworkPackages = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "utl_http", "utl_inaddr", "utl_tcp", "utl_smtp", "dbms_ldap", "httpuritype");

    /// <summary>How many times SQL inside SQL is unwrapped; each level is shorter than the one around it.</summary>
    private const int MaxNestedDepth = 2;

    private readonly List<SqlToken> _all = new(64);
    private readonly List<SqlToken> _t = new(64);
    private string _text = string.Empty;

    /// <summary>True when the text sits in a field that holds whole statements (<c>sql</c>, <c>query</c>): there DROP and TRUNCATE are run, not quoted.</summary>
    public bool StatementField { get; set; }

    /// <summary>Judges <paramref name="text"/>; <paramref name="commandLine"/> limits the checks to what a command line can carry.</summary>
    public void Judge(string text, bool commandLine, List<Finding> findings, int depth = 0)
    {
        SqlTokenizer.Tokenize(text, _all);
        _t.Clear();
        foreach (var token in _all)
        {
            if (token.Kind != SqlTokenKind.Comment)
            {
                _t.Add(token);
            }
        }

        _text = text;
        // Two levels: SQL in a command line or a function body, and dynamic SQL inside that body (DO $$ … EXECUTE 'DROP …' $$).
        var nested = depth < MaxNestedDepth ? CollectNested(commandLine && depth == 0) : [];
        var start = 0;
        for (var i = 0; i <= _t.Count; i++)
        {
            if (i == _t.Count || IsSymbol(i, ";"))
            {
                if (i > start)
                {
                    JudgeStatement(start, i, commandLine, findings);
                }

                start = i + 1;
            }
        }

        foreach (var inner in nested)
        {
            // SQL quoted inside a command line (psql -c "…", mysql -e '…', code calling cursor.execute("…")) or a
            // function body ($$…$$) is judged as SQL once more.
            new SqlStatementJudge { StatementField = StatementField }.Judge(inner, commandLine: false, findings, depth + 1);
        }
    }

    private List<string> CollectNested(bool commandLine)
    {
        var nested = new List<string>();
        for (var i = 0; i < _t.Count && nested.Count < 16; i++)
        {
            var token = _t[i];
            var dollarBody = token.Kind == SqlTokenKind.String && _text[token.Start] == '$';
            if (token.ContentLength >= 8 && (dollarBody || commandLine && token.Kind is SqlTokenKind.String or SqlTokenKind.QuotedIdentifier))
            {
                nested.Add(Content(i));
            }
            else if (!commandLine && DynamicSql(i) is { } dynamic)
            {
                nested.Add(dynamic);
            }
        }

        return nested;
    }

    private void JudgeStatement(int s, int e, bool commandLine, List<Finding> findings)
    {
        for (var i = s; i < e; i++)
        {
            var t = _t[i];
            if (t.Kind == SqlTokenKind.QuotedIdentifier && (CommandProcedures.Contains(Content(i)) || PathProcedures.Contains(Content(i))))
            {
                // EXEC [master].[dbo].[xp_cmdshell] names the procedure in brackets.
                FileOrCode(findings, $"{Content(i).ToLowerInvariant()} runs operating-system commands or reaches a share");
            }

            if (t.Kind != SqlTokenKind.Word)
            {
                continue;
            }

            if (IsWord(i, "copy") && i == s)
            {
                JudgeCopy(i, e, findings);
            }
            else if (i + 1 < e && IsSymbol(i + 1, "(") && FileOrCodeFunctions.Contains(Word(i)) && !IsMethodOfObject(i, s))
            {
                FileOrCode(findings, $"{Word(i).ToLowerInvariant()}() reads or writes server files or loads code");
            }
            else if ((CommandProcedures.Contains(Word(i)) || PathProcedures.Contains(Word(i)) || NetworkPackages.Contains(Word(i))) && NamedInProse(i, s, e))
            {
                // "how to disable xp_cmdshell in SQL Server": the name between two words of a sentence is talked about, not called.
            }
            else if (CommandProcedures.Contains(Word(i)))
            {
                FileOrCode(findings, $"{Word(i).ToLowerInvariant()} runs operating-system commands");
            }
            else if (PathProcedures.Contains(Word(i)))
            {
                Egress(findings, $"{Word(i).ToLowerInvariant()} reaches a file share or linked server");
            }
            else if (NetworkPackages.Contains(Word(i)))
            {
                Egress(findings, $"{Word(i).ToLowerInvariant()} opens a network connection from the database");
            }
            else if (IsWord(i, "utl_file"))
            {
                FileOrCode(findings, "utl_file reads or writes server files");
            }
            else if (IsWord(i, "dbms_java") && !NamedInProse(i, s, e) || IsWord(i, "dbms_scheduler") && HasLiteral(s, e, "executable", "external_script"))
            {
                // Oracle runs Java with the server's rights (DBMS_JAVA.RUNJAVA) and schedules operating-system programs as jobs.
                FileOrCode(findings, $"{Word(i).ToLowerInvariant()} runs a program or Java code on the server");
            }
            else if (i + 2 < e && IsSymbol(i + 1, "(") && DatabaseTableFunctions.Contains(Word(i)) && i > s
                && (IsWord(i - 1, "from") || IsWord(i - 1, "join") || IsSymbol(i - 1, ",")) && IsLiteral(i + 2))
            {
                // ClickHouse reads another server's tables: mysql('host:3306', …), remote('host:9000', system.users).
                Egress(findings, $"{Word(i).ToLowerInvariant()}(…) connects the database to another server");
            }
            else if (i + 1 < e && IsSymbol(i + 1, "(") && FileTableFunctions.Contains(Word(i)) && !(i > s && (IsWord(i - 1, "new") || IsSymbol(i - 1, "."))))
            {
                // "new URL('http://localhost:3000')", "path.glob('…')": a constructor or a method of program code, never a table function.
                JudgeFileArgument(i + 2, e, write: false, findings, Word(i).ToLowerInvariant());
            }
            else if (IsWord(i, "into") && i + 1 < e && (IsWord(i + 1, "outfile") || IsWord(i + 1, "dumpfile")))
            {
                FileOrCode(findings, "SELECT … INTO OUTFILE/DUMPFILE writes a file on the server");
            }
            else if (IsWord(i, "infile") && i + 1 < e && IsLiteral(i + 1))
            {
                JudgeFile(Content(i + 1), write: false, findings, "LOAD DATA INFILE");
            }
            else if (IsWord(i, "from") && i + 1 < e && IsLiteral(i + 1) && _t[i + 1].Kind == SqlTokenKind.String && i > s && !IsWord(i - 1, "copy"))
            {
                // DuckDB's replacement scan: SELECT * FROM '/etc/passwd' reads the file.
                JudgeFile(Content(i + 1), write: false, findings, "SELECT … FROM 'file'");
            }
            else if (IsWord(i, "attach") && i == s)
            {
                var arg = IsWord(i + 1, "database") ? i + 2 : i + 1;
                if (arg < e && IsLiteral(arg))
                {
                    JudgeAttach(Content(arg), findings);
                }
            }
            else if (IsWord(i, "vacuum") && i == s && FindWord(i, e, "into") is var into and >= 0 && IsLiteral(into + 1))
            {
                // SQLite's VACUUM INTO 'file' writes a copy of the database to any path the server can write, as ATTACH does.
                JudgeAttach(Content(into + 1), findings);
            }
            else if (IsWord(i, "export") && i == s && IsWord(i + 1, "data"))
            {
                JudgeExportData(i, e, findings);
            }
            else if (IsWord(i, "backup") && i == s)
            {
                JudgeBackup(i, e, findings);
            }
            else if ((IsWord(i, "openrowset") || IsWord(i, "opendatasource")) && i + 1 < e && IsSymbol(i + 1, "("))
            {
                if (IsWord(i, "openrowset") && i + 2 < e && IsWord(i + 2, "bulk"))
                {
                    JudgeFileArgument(i + 3, e, write: false, findings, "OPENROWSET(BULK …)");
                }
                else
                {
                    Egress(findings, $"{Word(i).ToLowerInvariant()} connects to another data source");
                }
            }
            else if (IsWord(i, "dblink") || IsWord(i, "dblink_connect") || IsWord(i, "dblink_connect_u") || IsWord(i, "dblink_exec") || IsWord(i, "dblink_send_query"))
            {
                JudgeDblink(i, e, findings);
            }
            else if (i == s)
            {
                JudgeLeadingKeyword(i, e, findings);
            }
        }

        if (!commandLine)
        {
            JudgeUnion(s, e, findings);
            JudgeDestructive(s, e, findings);
            JudgeNestedDestructive(s, e, findings);
            JudgeTableFunctionWrite(s, e, findings);
        }
    }

    private int FindWord(int from, int e, string word)
    {
        for (var j = from; j < e; j++)
        {
            if (IsWord(j, word))
            {
                return j;
            }
        }

        return -1;
    }

    private bool IsWord(int i, string word) =>
        i < _t.Count && _t[i].Kind == SqlTokenKind.Word && _text.AsSpan(_t[i].Start, _t[i].Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool IsSymbol(int i, string symbol) =>
        i < _t.Count && _t[i].Kind == SqlTokenKind.Symbol && _text.AsSpan(_t[i].Start, _t[i].Length).SequenceEqual(symbol);

    /// <summary>
    /// True for <c>YAML.load_file(…)</c>, <c>self.load_extension(…)</c>: a method of a program's object in code that also holds quotes, not
    /// the database's function. A schema-qualified call (<c>pg_catalog.pg_read_file</c>, <c>mysql.load_file</c>) stays the function.
    /// </summary>
    private bool IsMethodOfObject(int i, int start)
    {
        if (i - 2 < start || !IsSymbol(i - 1, ".") || _t[i - 2].Kind != SqlTokenKind.Word)
        {
            return false;
        }

        var owner = Word(i - 2).ToLowerInvariant();
        return owner is not ("pg_catalog" or "public" or "mysql" or "sys" or "dbo" or "master" or "main" or "information_schema" or "temp" or "pg_temp")
            && !owner.StartsWith("pg_", StringComparison.Ordinal);
    }

    /// <summary>
    /// True when the word at <paramref name="i"/> sits between words of a sentence: the word before it is neither <c>EXEC</c>/<c>EXECUTE</c>/<c>CALL</c>
    /// nor a qualifier, and nothing a call takes (a literal, a parameter, a bracket, a dot, a separator) follows it; or, for an Oracle
    /// network package, when no member or constructor call follows it (<c>utl_http ACL configuration</c>).
    /// </summary>
    private bool NamedInProse(int i, int start, int end)
    {
        // An Oracle package is only ever called through a member (utl_http.request(…), sys.utl_http…) or, for a type, a constructor.
        if (NetworkPackages.Contains(Word(i)) && !IsSymbol(i + 1, ".") && !IsSymbol(i + 1, "(") && !(i > start && IsSymbol(i - 1, ".")))
        {
            return true;
        }

        if (i == start || _t[i - 1].Kind != SqlTokenKind.Word || IsWord(i - 1, "exec") || IsWord(i - 1, "execute") || IsWord(i - 1, "call"))
        {
            return false;
        }

        return i + 1 >= end || _t[i + 1].Kind == SqlTokenKind.Word;
    }

    /// <summary>True when a string literal of the statement equals <paramref name="first"/> or <paramref name="second"/> (ignoring case).</summary>
    private bool HasLiteral(int s, int e, string first, string second)
    {
        for (var j = s; j < e; j++)
        {
            if (_t[j].Kind == SqlTokenKind.String && (Content(j).Equals(first, StringComparison.OrdinalIgnoreCase) || Content(j).Equals(second, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsLiteral(int i) => i < _t.Count && _t[i].Kind is SqlTokenKind.String or SqlTokenKind.QuotedIdentifier;

    private string Word(int i) => _text.Substring(_t[i].Start, _t[i].Length);

    private string Content(int i) => _text.Substring(_t[i].ContentStart, _t[i].ContentLength);

    private static void FileOrCode(List<Finding> findings, string reason) =>
        findings.AddOnce(new Finding("SQL-007", "L1", "MCP-14", Severity.Critical, FindingAction.Block, reason + "."));

    private static void Egress(List<Finding> findings, string reason) =>
        findings.AddOnce(new Finding("SQL-020", "L1", "MCP-24", Severity.High, FindingAction.Block, reason + "."));

    private static void Account(List<Finding> findings, string reason) =>
        findings.AddOnce(new Finding("SQL-021", "L1", "MCP-05", Severity.High, FindingAction.Block, reason + " takes over a database account."));
}
