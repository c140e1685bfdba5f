namespace McpVanguard.Inspection.Sql;

/// <summary>A UNION that reads the secret columns of another table (SQL-022): extraction through a query built for something else.</summary>
internal sealed partial class SqlStatementJudge
{
    /// <summary>Column names that hold credentials; reading them from another table through UNION is extraction.</summary>
    private static readonly string[] SecretColumnParts =
        ["password", "passwd", "pwd", "hash", "token", "secret", "api_key", "apikey", "private_key", "credential", "authentication_string", "otp_seed", "totp"];

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
}
