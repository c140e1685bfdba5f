using System.Collections.Frozen;

namespace McpVanguard.Inspection.Sql;

/// <summary>
/// Statements judged by their leading keyword (SQL-007, SQL-020, SQL-021): extensions and procedural languages that run with the
/// server's rights, native functions, foreign servers, account changes (ALTER USER … PASSWORD, SET PASSWORD), log files moved
/// to a path of the caller's choice, extensions installed from a URL, and xp_cmdshell switched on.
/// </summary>
internal sealed partial class SqlStatementJudge
{
    /// <summary>Procedural languages that run with the server's operating-system rights (and C, native code).</summary>
    private static readonly FrozenSet<string> UntrustedLanguages = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "plpython3u", "plpythonu", "plpython2u", "plperlu", "pltclu", "plsh", "plr", "plluau", "c", "internal", "adminpack");

    private void JudgeLeadingKeyword(int i, int e, List<Finding> findings)
    {
        // CREATE USER/ROLE/LOGIN with the rights of an administrator is a new way in, as ALTER … SUPERUSER is a takeover.
        if (IsWord(i, "create") && i + 2 < e && (IsWord(i + 1, "user") || IsWord(i + 1, "role") || IsWord(i + 1, "login")))
        {
            for (var j = i + 3; j < e; j++)
            {
                if (IsWord(j, "superuser") || IsWord(j, "bypassrls") || IsWord(j, "replication") || IsWord(j, "sysadmin"))
                {
                    Account(findings, $"CREATE {Word(i + 1).ToUpperInvariant()} … {Word(j).ToUpperInvariant()}");
                    return;
                }
            }
        }

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
        else if (IsWord(i, "alter") && i + 2 < e && IsWord(i + 1, "system") && CommandSetting(i + 2, e) is { } alterSetting)
        {
            FileOrCode(findings, $"ALTER SYSTEM SET {alterSetting}: the server runs a program or loads a library of the caller's choice");
        }
        else if (IsWord(i, "set") && CommandSetting(i + 1, e) is { } sessionSetting)
        {
            FileOrCode(findings, $"SET {sessionSetting}: the server runs a program or loads a library of the caller's choice");
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

    /// <summary>
    /// PostgreSQL settings whose value is a shell command the server runs (archive_command, restore_command, ssl_passphrase_command …)
    /// or a library it loads (shared/local/session_preload_libraries, dynamic_library_path): setting one is running code as the server.
    /// </summary>
    private static readonly FrozenSet<string> CommandSettings = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "archive_command", "restore_command", "archive_cleanup_command", "recovery_end_command", "ssl_passphrase_command", "archive_library",
        "shared_preload_libraries", "local_preload_libraries", "session_preload_libraries", "dynamic_library_path", "jit_provider");

    /// <summary>The command-running setting named among the next few words (<c>SET [SESSION|LOCAL] name</c>, <c>ALTER SYSTEM SET name</c>), or null.</summary>
    private string? CommandSetting(int from, int e)
    {
        for (var j = from; j < e && j < from + 4; j++)
        {
            if (_t[j].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && CommandSettings.Contains(Content(j)))
            {
                return Content(j).ToLowerInvariant();
            }
        }

        return null;
    }

    private void JudgeLanguage(int from, int e, List<Finding> findings, string what)
    {
        var language = FindWord(from, e, "language");
        if (language >= 0 && language + 1 < e && UntrustedLanguages.Contains(Content(language + 1)))
        {
            FileOrCode(findings, $"{what} … LANGUAGE {Content(language + 1)}: code with the server's operating-system rights");
        }
    }
}
