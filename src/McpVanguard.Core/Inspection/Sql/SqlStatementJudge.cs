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

    /// <summary>DuckDB table functions over files or URLs.</summary>
    private static readonly FrozenSet<string> FileTableFunctions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "read_csv", "read_csv_auto", "read_parquet", "parquet_scan", "read_json", "read_json_auto", "read_ndjson", "read_ndjson_auto",
        "read_json_objects", "read_text", "read_blob", "read_xlsx", "st_read", "sniff_csv", "glob", "csv_scan", "delta_scan", "iceberg_scan");

    /// <summary>Procedural languages that run with the server's operating-system rights (and C, native code).</summary>
    private static readonly FrozenSet<string> UntrustedLanguages = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "plpython3u", "plpythonu", "plpython2u", "plperlu", "pltclu", "plsh", "plr", "plluau", "c", "internal", "adminpack");

    /// <summary>Oracle packages that open network connections from the server (out-of-band exfiltration).</summary>
    private static readonly FrozenSet<string> NetworkPackages = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "utl_http", "utl_inaddr", "utl_tcp", "utl_smtp", "dbms_ldap", "httpuritype");

    /// <summary>Column names that hold credentials; reading them from another table through UNION is extraction.</summary>
    private static readonly string[] SecretColumnParts =
        ["password", "passwd", "pwd", "hash", "token", "secret", "api_key", "apikey", "private_key", "credential", "authentication_string", "otp_seed", "totp"];

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
        var nested = depth == 0 ? CollectNested(commandLine) : [];
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
            else if (i + 1 < e && IsSymbol(i + 1, "(") && FileOrCodeFunctions.Contains(Word(i)))
            {
                FileOrCode(findings, $"{Word(i).ToLowerInvariant()}() reads or writes server files or loads code");
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
            else if (i + 1 < e && IsSymbol(i + 1, "(") && FileTableFunctions.Contains(Word(i)))
            {
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
            JudgeTableFunctionWrite(s, e, findings);
        }
    }

    private void JudgeLeadingKeyword(int i, int e, List<Finding> findings)
    {
        if (IsWord(i, "create"))
        {
            var j = i + 1;
            while (j < e && (IsWord(j, "or") || IsWord(j, "replace") || IsWord(j, "trusted") || IsWord(j, "procedural")))
            {
                j++;
            }

            if (j < e && (IsWord(j, "extension") || IsWord(j, "language")))
            {
                var name = j + 1;
                while (name < e && (IsWord(name, "if") || IsWord(name, "not") || IsWord(name, "exists")))
                {
                    name++;
                }

                if (name < e && UntrustedLanguages.Contains(Content(name)))
                {
                    FileOrCode(findings, $"CREATE {Word(j).ToUpperInvariant()} {Content(name)}: code with the server's operating-system rights");
                }
            }
            else if (j < e && (IsWord(j, "function") || IsWord(j, "procedure")))
            {
                JudgeLanguage(j, e, findings, "CREATE FUNCTION");
                if (FindWord(j, e, "soname") >= 0)
                {
                    FileOrCode(findings, "CREATE FUNCTION … SONAME loads a native library into the server");
                }
            }
            else if (j < e && IsWord(j, "server") && FindWord(j, e, "options") is var options and >= 0 && FindWord(options, e, "host") >= 0)
            {
                Egress(findings, "CREATE SERVER … OPTIONS (host …): a foreign server the database connects to");
            }
        }
        else if (IsWord(i, "do"))
        {
            JudgeLanguage(i, e, findings, "DO");
        }
        else if (IsWord(i, "alter") && i + 2 < e && (IsWord(i + 1, "user") || IsWord(i + 1, "role") || IsWord(i + 1, "login")))
        {
            for (var j = i + 3; j < e; j++)
            {
                if (IsWord(j, "password") || IsWord(j, "superuser") || IsWord(j, "createrole") || IsWord(j, "bypassrls") || IsWord(j, "replication")
                    || IsWord(j, "identified") || IsWord(j, "sysadmin"))
                {
                    Account(findings, $"ALTER {Word(i + 1).ToUpperInvariant()} … {Word(j).ToUpperInvariant()}");
                    break;
                }
            }
        }
        else if (IsWord(i, "alter") && i + 3 < e && IsWord(i + 1, "server") && IsWord(i + 2, "role") && IsWord(i + 3, "sysadmin"))
        {
            Account(findings, "ALTER SERVER ROLE sysadmin");
        }
        else if (IsWord(i, "set") && i + 1 < e && IsWord(i + 1, "password"))
        {
            Account(findings, "SET PASSWORD");
        }
        else if (IsWord(i, "set") && FindWord(i, e, "general_log_file") >= 0 || IsWord(i, "set") && FindWord(i, e, "slow_query_log_file") >= 0)
        {
            FileOrCode(findings, "the server's log file moved to a path of the caller's choice (a file write)");
        }
        else if (IsWord(i, "update") && i + 1 < e && (Content(i + 1).Equals("mysql", StringComparison.OrdinalIgnoreCase) && FindWord(i, e, "authentication_string") >= 0))
        {
            Account(findings, "UPDATE mysql.user … authentication_string");
        }
        else if ((IsWord(i, "install") || IsWord(i, "force") || IsWord(i, "load")) && i + 1 < e)
        {
            // DuckDB: INSTALL x FROM 'https://…' and LOAD '/path/x.duckdb_extension' load native code from anywhere;
            // INSTALL httpfs and LOAD httpfs from the official repository are everyday.
            var from = FindWord(i, e, "from");
            if (IsWord(i, "load") && IsLiteral(i + 1) && _t[i + 1].Kind == SqlTokenKind.String
                || from >= 0 && from + 1 < e && IsLiteral(from + 1) && !IsWord(i + 1, "data"))
            {
                FileOrCode(findings, "a database extension loaded from a file or URL of the caller's choice");
            }
        }
        else if ((IsWord(i, "exec") || IsWord(i, "execute")) && FindWord(i, e, "sp_configure") >= 0)
        {
            for (var j = i; j < e; j++)
            {
                if (IsLiteral(j) && Content(j).Contains("xp_cmdshell", StringComparison.OrdinalIgnoreCase) && j + 2 < e && IsSymbol(j + 1, ",") && _text.AsSpan(_t[j + 2].Start, _t[j + 2].Length) is "1")
                {
                    FileOrCode(findings, "sp_configure enables xp_cmdshell");
                }
            }
        }
    }

    private void JudgeLanguage(int from, int e, List<Finding> findings, string what)
    {
        var language = FindWord(from, e, "language");
        if (language >= 0 && language + 1 < e && UntrustedLanguages.Contains(Content(language + 1)))
        {
            FileOrCode(findings, $"{what} … LANGUAGE {Content(language + 1)}: code with the server's operating-system rights");
        }
    }

    private void JudgeCopy(int i, int e, List<Finding> findings)
    {
        var depth = 0;
        for (var j = i + 1; j + 1 < e; j++)
        {
            if (IsSymbol(j, "("))
            {
                depth++;
            }
            else if (IsSymbol(j, ")"))
            {
                depth--;
            }
            else if (depth == 0 && (IsWord(j, "from") || IsWord(j, "to")))
            {
                var write = IsWord(j, "to");
                if (IsWord(j + 1, "program"))
                {
                    FileOrCode(findings, $"COPY … {(write ? "TO" : "FROM")} PROGRAM runs a shell command on the server");
                }
                else if (IsLiteral(j + 1))
                {
                    JudgeFile(Content(j + 1), write, findings, write ? "COPY … TO" : "COPY … FROM");
                }

                return;
            }
        }
    }

    private void JudgeFileArgument(int from, int e, bool write, List<Finding> findings, string what)
    {
        // The first literal argument, or every literal of a list: read_csv(['a.csv', '/etc/passwd']).
        for (var j = from; j < e && j < from + 32; j++)
        {
            if (IsSymbol(j, ")"))
            {
                return;
            }

            if (IsLiteral(j))
            {
                JudgeFile(Content(j), write, findings, what);
            }
        }
    }

    private void JudgeFile(string name, bool write, List<Finding> findings, string what)
    {
        switch (SqlFileTarget.Classify(name, write, out var host))
        {
            case SqlFileTargetKind.Sensitive:
                FileOrCode(findings, $"{what} {(write ? "writes" : "reads")} a system or credential file on the server");
                break;
            case SqlFileTargetKind.Remote when write:
                Egress(findings, $"{what} exports data to another host");
                break;
            case SqlFileTargetKind.Remote when host is not null && UrlClassifier.Classify(name).Risk is not UrlRisk.Public:
                Egress(findings, $"{what} fetches an internal or metadata address");
                break;
            case SqlFileTargetKind.Remote when host is null && name.StartsWith('\\'):
                Egress(findings, $"{what} reaches a UNC share (leaks the server's credentials)");
                break;
        }
    }

    private void JudgeAttach(string name, List<Finding> findings)
    {
        var kind = SqlFileTarget.Classify(name, write: true, out _);
        var canonical = name.Replace('\\', '/');
        if (kind == SqlFileTargetKind.Sensitive || kind == SqlFileTargetKind.Ordinary && (canonical.StartsWith('/') || canonical.StartsWith('~') || canonical.Length > 2 && canonical[1] == ':'))
        {
            // ATTACH of an absolute path creates or opens a file anywhere the server can write (a web shell, a start-up file).
            FileOrCode(findings, "ATTACH DATABASE of a file outside the working directory");
        }
        else if (kind == SqlFileTargetKind.Remote)
        {
            Egress(findings, "ATTACH of a database on another host");
        }
    }

    private void JudgeBackup(int i, int e, List<Finding> findings)
    {
        for (var j = i + 1; j + 2 < e; j++)
        {
            if ((IsWord(j, "disk") || IsWord(j, "url")) && IsSymbol(j + 1, "=") && IsLiteral(j + 2))
            {
                var target = Content(j + 2);
                if (SqlFileTarget.Classify(target, write: true, out _) != SqlFileTargetKind.Ordinary)
                {
                    Egress(findings, "BACKUP to a network share, URL or system location");
                }
            }
        }
    }

    private void JudgeDblink(int i, int e, List<Finding> findings)
    {
        for (var j = i + 1; j < e && j < i + 8; j++)
        {
            if (IsLiteral(j))
            {
                var arg = Content(j);
                if (arg.Contains("host", StringComparison.OrdinalIgnoreCase) || arg.Contains("port=", StringComparison.OrdinalIgnoreCase) || arg.Contains("://", StringComparison.Ordinal))
                {
                    Egress(findings, "dblink with a connect string: the database connects to another host");
                }

                return;
            }
        }
    }

    private void JudgeUnion(int s, int e, List<Finding> findings)
    {
        // Secret columns read by a UNION branch while the first branch reads none: data of another table appended to a result.
        var branch = 0;
        var firstHasSecret = false;
        var inSelectList = false;
        for (var i = s; i < e; i++)
        {
            if (IsWord(i, "union"))
            {
                branch++;
                inSelectList = false;
            }
            else if (IsWord(i, "select"))
            {
                inSelectList = true;
            }
            else if (IsWord(i, "from"))
            {
                inSelectList = false;
            }
            else if (inSelectList && _t[i].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && IsSecretColumn(Content(i)))
            {
                if (branch == 0)
                {
                    firstHasSecret = true;
                }
                else if (!firstHasSecret)
                {
                    findings.AddOnce(new Finding("SQL-022", "L1", "MCP-14", Severity.High, FindingAction.Block,
                        "UNION SELECT reads credential columns of another table."));
                    return;
                }
            }
        }
    }

    private static bool IsSecretColumn(string name)
    {
        foreach (var part in SecretColumnParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return !name.EndsWith("_at", StringComparison.OrdinalIgnoreCase) && !name.EndsWith("_count", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
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
