namespace McpVanguard.Inspection.Sql;

/// <summary>
/// Destructive statements as the database parses them (SQL-001, SQL-002): keywords outside literals and comments only, so a
/// string that quotes <c>DROP TABLE</c> or a comment that mentions it is data; dynamic SQL built from literals
/// (<c>EXEC('DR' + 'OP TABLE users')</c>, <c>EXECUTE IMMEDIATE '…'</c>, <c>PREPARE s FROM '…'</c>) is judged as the statement it builds;
/// and writes through ClickHouse table functions (<c>INSERT INTO FUNCTION url('http://…')</c>) are exports to another host.
/// </summary>
internal sealed partial class SqlStatementJudge
{
    /// <summary>What DROP removes that holds data or access (indexes, views, sequences and triggers are derived and rebuilt).</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> DroppedHolders = System.Collections.Frozen.FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "table", "database", "schema", "user", "role", "login", "keyspace", "collection", "tablespace");

    /// <summary>ClickHouse table functions that write to another host or service when inserted into.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> RemoteTableFunctions = System.Collections.Frozen.FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "url", "s3", "s3cluster", "gcs", "azureblobstorage", "hdfs", "remote", "remotesecure", "mysql", "postgresql", "mongodb", "redis", "file");

    /// <summary>
    /// True when every table a DROP TABLE names is a scratch table by its name (<c>DROP TABLE IF EXISTS tmp_import_2024</c>, <c>staging.orders_tmp</c>):
    /// a migration's or an import's clean-up. A table named for what it holds (<c>users</c>) is data, whoever asks.
    /// </summary>
    private bool DropsOnlyScratchTables(int i, int e)
    {
        if (IsWord(i, "if") && IsWord(i + 1, "exists"))
        {
            i += 2;
        }

        var names = 0;
        for (; i < e; i++)
        {
            if (IsSymbol(i, ",") || IsSymbol(i, "."))
            {
                continue;
            }

            // TRUNCATE … RESTART IDENTITY / CONTINUE IDENTITY: options, not table names.
            if (IsWord(i, "cascade") || IsWord(i, "restrict") || IsWord(i, "restart") || IsWord(i, "continue") || IsSymbol(i, ";"))
            {
                break;
            }

            if (_t[i].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier))
            {
                return false;
            }

            // In schema.table only the table's own name says what it is.
            if (i + 1 < e && IsSymbol(i + 1, "."))
            {
                continue;
            }

            var name = (_t[i].Kind == SqlTokenKind.Word ? Word(i) : Content(i)).ToLowerInvariant();
            if (!IsScratchName(name))
            {
                return false;
            }

            names++;
        }

        return names > 0;
    }

    /// <summary>
    /// The first table name of <c>TRUNCATE [TABLE] [ONLY] name …</c>: emptying a scratch or staging table before an import is the
    /// same clean-up as dropping one, and is judged by the same names.
    /// </summary>
    private int TruncatedNames(int i, int e)
    {
        while (i < e && (IsWord(i, "table") || IsWord(i, "only")))
        {
            i++;
        }

        return i;
    }

    private static bool IsScratchName(string name) =>
        name is "tmp" or "temp" || name.StartsWith("tmp_", StringComparison.Ordinal) || name.StartsWith("temp_", StringComparison.Ordinal)
        || name.StartsWith("scratch_", StringComparison.Ordinal) || name.StartsWith("staging_", StringComparison.Ordinal) || name.StartsWith("stg_", StringComparison.Ordinal)
        || name.EndsWith("_staging", StringComparison.Ordinal)
        // Test data: test_events, orders_test, fixtures_users — what a suite resets between runs.
        || name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test", StringComparison.Ordinal) || name.EndsWith("_tests", StringComparison.Ordinal)
        || name.StartsWith("fixtures_", StringComparison.Ordinal)
        || name.EndsWith("_tmp", StringComparison.Ordinal) || name.EndsWith("_temp", StringComparison.Ordinal) || name.EndsWith("_scratch", StringComparison.Ordinal);

    /// <summary>Most literals joined into one dynamic statement.</summary>
    private const int MaxDynamicParts = 32;

    /// <summary>
    /// DROP TABLE/DATABASE/SCHEMA/USER/ROLE … and TRUNCATE [TABLE] name: SQL-001. DELETE or UPDATE of every row: SQL-002.
    /// </summary>
    private void JudgeDestructive(int s, int e, List<Finding> findings)
    {
        if (!StatementField || s >= e)
        {
            return;
        }

        // A procedural block's statement starts after BEGIN (BEGIN DELETE FROM t; END); BEGIN TRANSACTION stands alone.
        if (IsWord(s, "begin") && s + 1 < e && !(IsWord(s + 1, "transaction") || IsWord(s + 1, "tran") || IsWord(s + 1, "work")))
        {
            s++;
        }

        // ALTER TABLE … DROP COLUMN stays allowed: migrations drop columns every day (eval/benign.jsonl has one).
        if (IsWord(s, "drop") && s + 1 < e)
        {
            var what = s + 1;
            while (what < e && (IsWord(what, "temporary") || IsWord(what, "temp")))
            {
                what++;
            }

            if (what < e && _t[what].Kind == SqlTokenKind.Word && DroppedHolders.Contains(Word(what)) && !(IsWord(what, "table") && DropsOnlyScratchTables(what + 1, e)))
            {
                findings.AddOnce(new Finding("SQL-001", "L1", "MCP-14", Severity.High, FindingAction.Block,
                    $"DROP {Word(what).ToUpperInvariant()} destroys data or access."));
            }
        }
        else if (IsWord(s, "truncate") && s + 1 < e && !IsSymbol(s + 1, "(") && !DropsOnlyScratchTables(TruncatedNames(s + 1, e), e))
        {
            findings.AddOnce(new Finding("SQL-001", "L1", "MCP-14", Severity.High, FindingAction.Block, "TRUNCATE empties a table."));
        }
        else if ((IsWord(s, "delete") || IsWord(s, "update")) && FindWord(s, e, "where") < 0 && !HasLimit(s, e)
            && (IsWord(s, "update") ? FindWord(s, e, "set") > 0 : FindWord(s, e, "from") > 0 || s + 1 < e && _t[s + 1].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier))
        {
            findings.AddOnce(new Finding("SQL-002", "L1", "MCP-14", Severity.Medium, FindingAction.Block,
                $"{Word(s).ToUpperInvariant()} without a WHERE clause changes every row of the table."));
        }
    }

    /// <summary>
    /// Data-changing statements nested in parentheses, judged on their own extent: a CTE or subquery that deletes
    /// (<c>WITH gone AS (DELETE FROM users RETURNING *) SELECT …</c>) runs like a statement of its own.
    /// </summary>
    private void JudgeNestedDestructive(int s, int e, List<Finding> findings)
    {
        for (var j = s + 1; j < e; j++)
        {
            if (IsSymbol(j - 1, "(") && (IsWord(j, "delete") || IsWord(j, "update") || IsWord(j, "drop") || IsWord(j, "truncate")))
            {
                var depth = 1;
                var close = j;
                while (close < e && depth > 0)
                {
                    depth += IsSymbol(close, "(") ? 1 : IsSymbol(close, ")") ? -1 : 0;
                    close += depth > 0 ? 1 : 0;
                }

                JudgeDestructive(j, close, findings);
            }
        }
    }

    private bool HasLimit(int s, int e) => FindWord(s, e, "limit") >= 0 || FindWord(s, e, "top") >= 0;

    /// <summary>INSERT INTO FUNCTION url('…') / s3('…') / remote('…'): ClickHouse writes the rows to another host.</summary>
    private void JudgeTableFunctionWrite(int s, int e, List<Finding> findings)
    {
        if (s + 4 < e && IsWord(s, "insert") && IsWord(s + 1, "into") && IsWord(s + 2, "function") && _t[s + 3].Kind == SqlTokenKind.Word
            && RemoteTableFunctions.Contains(Word(s + 3)) && IsSymbol(s + 4, "("))
        {
            if (IsWord(s + 3, "file"))
            {
                JudgeFileArgument(s + 5, e, write: true, findings, "INSERT INTO FUNCTION file(…)");
                return;
            }

            Egress(findings, $"INSERT INTO FUNCTION {Word(s + 3).ToLowerInvariant()}(…) exports rows to another host");
        }
    }

    /// <summary>
    /// The statement dynamic SQL at token <paramref name="i"/> builds from literals, or null: <c>EXEC('…' + '…')</c>, <c>EXECUTE
    /// IMMEDIATE '…' || '…'</c>, <c>sp_executesql N'…'</c>, <c>PREPARE s FROM '…'</c>. Concatenation with <c>+</c>, <c>||</c> or CONCAT is joined.
    /// </summary>
    private string? DynamicSql(int i)
    {
        int from;
        if ((IsWord(i, "exec") || IsWord(i, "execute")) && i + 1 < _t.Count)
        {
            from = IsWord(i + 1, "immediate") ? i + 2 : IsWord(i + 1, "sp_executesql") ? i + 2 : i + 1;
        }
        else if (IsWord(i, "sp_executesql"))
        {
            from = i + 1;
        }
        else if (IsWord(i, "prepare") && i + 3 < _t.Count && IsWord(i + 2, "from"))
        {
            from = i + 3;
        }
        else
        {
            return null;
        }

        var sb = new System.Text.StringBuilder();
        var parts = 0;
        for (var j = from; j < _t.Count && parts < MaxDynamicParts; j++)
        {
            if (_t[j].Kind == SqlTokenKind.String)
            {
                sb.Append(Content(j));
                parts++;
            }
            else if (IsSymbol(j, "(") || IsSymbol(j, "+") || IsSymbol(j, "||") || IsSymbol(j, ",") && parts > 0 || IsWord(j, "concat"))
            {
                continue;
            }
            else
            {
                break;
            }
        }

        return parts > 0 && sb.Length >= 6 ? sb.ToString() : null;
    }
}
