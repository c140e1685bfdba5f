namespace McpVanguard.Inspection.Sql;

/// <summary>
/// Judges a parameter value as the query it will be spliced into: read as written (a number position), and after an
/// opening <c>'</c> or <c>"</c> with the closing one the application adds (a string position). Injection is a value that
/// leaves its literal: an always-true <c>OR</c> (SQL-003), a second statement after <c>;</c> (SQL-023), or a literal closed
/// and the rest of the query commented out (SQL-012). A value that stays one literal, however odd, passes.
/// </summary>
internal sealed class SqlFragmentJudge
{
    private readonly List<SqlToken> _all = new(32);
    private readonly List<SqlToken> _t = new(32);
    private string _text = string.Empty;

    /// <summary>Judges <paramref name="value"/>; <paramref name="scalar"/> adds the stacked-statement check (off for SQL fields, where several statements are normal).</summary>
    public void Judge(string value, bool scalar, List<Finding> findings)
    {
        JudgeIn(value, string.Empty, scalar, findings);
        if (value.Contains('\''))
        {
            JudgeIn(value, "'", scalar, findings);
        }

        if (value.Contains('"'))
        {
            JudgeIn(value, "\"", scalar, findings);
        }
    }

    private void JudgeIn(string value, string quote, bool scalar, List<Finding> findings)
    {
        _text = quote.Length == 0 ? value : string.Concat(quote, value, quote);
        SqlTokenizer.Tokenize(_text, _all);
        _t.Clear();
        foreach (var token in _all)
        {
            if (token.Kind != SqlTokenKind.Comment)
            {
                _t.Add(token);
            }
        }

        if (quote.Length > 0 && ClosesLiteralThenComments())
        {
            findings.AddOnce(new Finding("SQL-012", "L1", "MCP-14", Severity.High, FindingAction.Block,
                "A value closes its literal and comments out the rest of the query."));
        }

        for (var i = 0; i < _t.Count; i++)
        {
            if ((IsWord(i, "or") || IsSymbol(i, "||")) && AlwaysTrue(i + 1))
            {
                findings.AddOnce(new Finding("SQL-003", "L1", "MCP-14", Severity.High, FindingAction.Block,
                    "An always-true OR condition makes the query match every row."));
                break;
            }

            if (scalar && IsSymbol(i, ";") && StartsStatement(i + 1))
            {
                findings.AddOnce(new Finding("SQL-023", "L1", "MCP-14", Severity.High, FindingAction.Block,
                    "A parameter value ends the statement and stacks another one."));
                break;
            }
        }
    }

    /// <summary>admin'--, admin')#, x'/*: a bare word, the quote, closing parentheses, then a comment.</summary>
    private bool ClosesLiteralThenComments()
    {
        if (_all.Count < 2 || _all[0].Kind != SqlTokenKind.String || !_all[0].Terminated
            || _text.AsSpan(_all[0].ContentStart, _all[0].ContentLength).ContainsAny(" \t\n"))
        {
            return false;
        }

        var i = 1;
        while (i < _all.Count && _all[i].Kind == SqlTokenKind.Symbol && _text[_all[i].Start] == ')')
        {
            i++;
        }

        return i < _all.Count && _all[i].Kind == SqlTokenKind.Comment;
    }

    private bool AlwaysTrue(int i)
    {
        while (IsSymbol(i, "("))
        {
            i++;
        }

        if (IsWord(i, "true") || IsWord(i, "not") && IsWord(i + 1, "false"))
        {
            return true;
        }

        if (i + 2 >= _t.Count || _t[i + 1].Kind != SqlTokenKind.Symbol && !IsWord(i + 1, "like"))
        {
            // ' OR 1-- : a bare non-zero number that ends the query (a comment or the application's dangling quote
            // follows); "size 1 or 2" is just words.
            return i < _t.Count && _t[i].Kind == SqlTokenKind.Number && Text(i) is not ("0" or "0.0")
                && (i + 1 < _t.Count && IsUnterminatedEmpty(i + 1) || i + 1 == _t.Count && _all[^1].Kind == SqlTokenKind.Comment);
        }

        var op = Text(i + 1);
        var (left, right) = (_t[i], _t[i + 2]);
        var like = IsWord(i + 1, "like");
        if (op is not ("=" or "<>" or "!=" or "<" or ">" or "<=" or ">=") && !like)
        {
            return false;
        }

        if (left.Kind == SqlTokenKind.Word && right.Kind == SqlTokenKind.Word && !like)
        {
            // OR a=a compares a column with itself.
            return op is "=" or "<=" or ">=" && Text(i).Equals(Text(i + 2), StringComparison.OrdinalIgnoreCase) && !IsWord(i, "null");
        }

        if (!IsLiteralValue(left) || !IsLiteralValue(right))
        {
            return like && IsLiteralValue(right) && Content(i + 2) == "%";
        }

        var (a, b) = (Content(i), Content(i + 2));
        if (like)
        {
            return b == "%" || a.Equals(b, StringComparison.OrdinalIgnoreCase);
        }

        var cmp = double.TryParse(a, System.Globalization.CultureInfo.InvariantCulture, out var x) && double.TryParse(b, System.Globalization.CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b);
        return op switch
        {
            "=" => cmp == 0,
            "<>" or "!=" => cmp != 0,
            "<" => cmp < 0,
            ">" => cmp > 0,
            "<=" => cmp <= 0,
            _ => cmp >= 0,
        };
    }

    private bool StartsStatement(int i)
    {
        if (i >= _t.Count || _t[i].Kind != SqlTokenKind.Word)
        {
            return false;
        }

        var next = i + 1 < _t.Count ? Text(i + 1).ToLowerInvariant() : string.Empty;
        return Text(i).ToLowerInvariant() switch
        {
            "drop" => next is "table" or "database" or "schema" or "user" or "role" or "login" or "procedure" or "function" or "view" or "index" or "collection",
            "delete" => next == "from",
            "insert" => next == "into",
            "update" => i + 2 < _t.Count && IsWord(i + 2, "set"),
            "alter" => next is "table" or "user" or "role" or "database" or "login" or "system",
            "create" => next is "table" or "user" or "role" or "login" or "function" or "procedure" or "trigger" or "database" or "extension" or "server",
            "exec" or "execute" => next.Length > 0,
            "shutdown" => true,
            "truncate" => next.Length > 0,
            "grant" or "revoke" => next.Length > 0,
            "declare" => next.StartsWith('@'),
            "waitfor" => next is "delay" or "time",
            "select" => Has(i + 1, "from") || next.Length > 0 && i + 2 < _t.Count && IsSymbol(i + 2, "("),
            "copy" => next.Length > 0,
            "load" => next == "data",
            "set" => next is "global" or "password" || next.StartsWith('@'),
            "kill" => i + 1 < _t.Count && _t[i + 1].Kind == SqlTokenKind.Number,
            _ => false,
        };
    }

    private bool Has(int from, string word)
    {
        for (var j = from; j < _t.Count && j < from + 64; j++)
        {
            if (IsWord(j, word))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsUnterminatedEmpty(int i) => _t[i].Kind == SqlTokenKind.String && !_t[i].Terminated && _t[i].ContentLength == 0;

    /// <summary>A number or a closed string; a double-quoted token is a string in MySQL's default mode.</summary>
    private static bool IsLiteralValue(SqlToken t) => t.Kind is SqlTokenKind.Number || t.Kind is SqlTokenKind.String or SqlTokenKind.QuotedIdentifier && t.Terminated;

    private bool IsWord(int i, string word) =>
        i < _t.Count && _t[i].Kind == SqlTokenKind.Word && _text.AsSpan(_t[i].Start, _t[i].Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool IsSymbol(int i, string symbol) =>
        i < _t.Count && _t[i].Kind == SqlTokenKind.Symbol && _text.AsSpan(_t[i].Start, _t[i].Length).SequenceEqual(symbol);

    private string Text(int i) => _text.Substring(_t[i].Start, _t[i].Length);

    private string Content(int i) => _text.Substring(_t[i].ContentStart, _t[i].ContentLength);
}
