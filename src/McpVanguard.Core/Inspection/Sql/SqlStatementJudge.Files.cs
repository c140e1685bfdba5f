using McpVanguard.Inspection.Network;

namespace McpVanguard.Inspection.Sql;

/// <summary>
/// Server files and other hosts (SQL-007, SQL-020): COPY from or to a file or a program, file arguments of table functions,
/// ATTACH, BACKUP to a share, Snowflake's COPY INTO a location, BigQuery's EXPORT DATA and dblink connections, each judged by the path or address it names.
/// </summary>
internal sealed partial class SqlStatementJudge
{
    private void JudgeCopy(int i, int e, List<Finding> findings)
    {
        // Snowflake's unload: COPY INTO '<location>' FROM … writes to the location (an internal @stage or a table is no file).
        if (IsWord(i + 1, "into") && i + 2 < e && IsLiteral(i + 2))
        {
            JudgeFile(Content(i + 2), write: true, findings, "COPY INTO");
            return;
        }

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
            // ATTACH (or VACUUM INTO) an absolute path creates or opens a file anywhere the server can write (a web shell, a start-up file).
            FileOrCode(findings, "ATTACH DATABASE or VACUUM INTO a file outside the working directory");
        }
        else if (kind == SqlFileTargetKind.Remote)
        {
            Egress(findings, "ATTACH or VACUUM INTO a database on another host");
        }
    }

    /// <summary>BigQuery's <c>EXPORT DATA OPTIONS(uri='gs://…', …) AS SELECT …</c>: the query's rows are written to the URI.</summary>
    private void JudgeExportData(int i, int e, List<Finding> findings)
    {
        for (var j = i + 2; j + 2 < e; j++)
        {
            if (IsWord(j, "uri") && IsSymbol(j + 1, "=") && IsLiteral(j + 2))
            {
                JudgeFile(Content(j + 2), write: true, findings, "EXPORT DATA");
                return;
            }
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
}
