namespace McpVanguard.Inspection.Sql;

/// <summary>
/// A whole statement with the contents of its string literals blanked: in a SQL field the agent writes the statement itself, so
/// text inside a literal (<c>WHERE payload LIKE '%OR 1=1%'</c>, <c>VALUES ('customer typed ''; DROP TABLE x; --')</c>) is a value the
/// database stores or compares, never SQL it runs. Only when every literal is closed: an unterminated one is a fragment that leaves
/// its quote (<c>x'; DROP TABLE t</c>), judged as written. Dollar-quoted bodies stay (a function's body is code), and so does a statement
/// that runs text as SQL (<c>EXECUTE '…'</c>, <c>PREPARE … FROM '…'</c>, <c>sp_executesql</c>, <c>EXECUTE IMMEDIATE</c>): there a literal is a
/// statement. Same length as the input, so offsets keep their meaning.
/// </summary>
internal static class SqlLiteralMask
{
    /// <summary>Longest text masked (the tokenizer is linear; this bounds the copy).</summary>
    private const int MaxLength = 256 * 1024;

    [ThreadStatic]
    private static List<SqlToken>? t_tokens;

    /// <summary>The statement with literal contents replaced by spaces, or <paramref name="text"/> itself when it has no closed literal or any unclosed one.</summary>
    public static string Mask(string text)
    {
        if (text.Length > MaxLength || !text.Contains('\'') || text.Contains("exec", StringComparison.OrdinalIgnoreCase)
            || text.Contains("prepare", StringComparison.OrdinalIgnoreCase) || text.Contains("immediate", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var tokens = t_tokens ??= new List<SqlToken>(64);
        SqlTokenizer.Tokenize(text, tokens);
        if (tokens.Count >= SqlTokenizer.MaxTokens)
        {
            return text; // not seen to its end: nothing is known about the rest
        }

        char[]? masked = null;
        foreach (var token in tokens)
        {
            if (token.Kind != SqlTokenKind.String || text[token.Start] == '$')
            {
                continue;
            }

            if (!token.Terminated)
            {
                return text;
            }

            if (token.ContentLength > 0)
            {
                masked ??= text.ToCharArray();
                masked.AsSpan(token.ContentStart, token.ContentLength).Fill(' ');
            }
        }

        return masked is null ? text : new string(masked);
    }
}
