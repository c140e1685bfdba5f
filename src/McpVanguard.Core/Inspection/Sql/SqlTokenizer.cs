namespace McpVanguard.Inspection.Sql;

/// <summary>
/// Splits SQL into tokens once, the way the database lexes it: strings (with <c>''</c> escapes, <c>E''</c> backslash
/// escapes, dollar quotes), quoted identifiers, nested block comments, MySQL's executable <c>/*!50000 … */</c> comments
/// (whose content runs), line comments. Keywords inside literals and comments are then never mistaken for statements,
/// and keywords split by comments (<c>UNION/**/SELECT</c>) are still keywords. Linear in the text, bounded in tokens.
/// </summary>
internal static class SqlTokenizer
{
    /// <summary>Most tokens kept per text; what follows is not judged (a 100 KB migration is still tokenized in one pass).</summary>
    public const int MaxTokens = 4096;

    public static void Tokenize(ReadOnlySpan<char> text, List<SqlToken> tokens)
    {
        tokens.Clear();
        var i = 0;
        while (i < text.Length && tokens.Count < MaxTokens)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '-' && next == '-' || c == '#')
            {
                var eol = text[i..].IndexOf('\n');
                i = eol < 0 ? text.Length : i + eol;
                tokens.Add(new SqlToken(SqlTokenKind.Comment, start, i - start, start, 0));
            }
            else if (c == '/' && next == '*')
            {
                if (i + 2 < text.Length && text[i + 2] == '!')
                {
                    // MySQL executes /*!50000 UNION */: skip the opener and the version, lex the content as SQL.
                    i += 3;
                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }

                    continue;
                }

                i = SkipBlockComment(text, i);
                tokens.Add(new SqlToken(SqlTokenKind.Comment, start, i - start, start, 0));
            }
            else if (c == '*' && next == '/')
            {
                i += 2; // the end of an executable comment
            }
            else if (c == '\'')
            {
                i = ReadQuoted(text, i, '\'', backslash: false, tokens, SqlTokenKind.String);
            }
            else if (c is 'e' or 'E' && next == '\'')
            {
                i = ReadQuoted(text, i + 1, '\'', backslash: true, tokens, SqlTokenKind.String, start);
            }
            else if (c is 'n' or 'N' or 'x' or 'X' or 'b' or 'B' && next == '\'' && (i == 0 || !IsWordChar(text[i - 1])))
            {
                i = ReadQuoted(text, i + 1, '\'', backslash: false, tokens, SqlTokenKind.String, start);
            }
            else if (c is '"' or '`')
            {
                i = ReadQuoted(text, i, c, backslash: false, tokens, SqlTokenKind.QuotedIdentifier);
            }
            else if (c == '[' && TryBracketIdentifier(text, i, out var close))
            {
                tokens.Add(new SqlToken(SqlTokenKind.QuotedIdentifier, start, close + 1 - start, start + 1, close - start - 1));
                i = close + 1;
            }
            else if (c == '$' && TryDollarQuote(text, i, tokens, out var end))
            {
                i = end;
            }
            else if (char.IsAsciiDigit(c) || c == '.' && char.IsAsciiDigit(next))
            {
                i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Number, start, i - start, start, i - start));
            }
            else if (IsWordStart(c))
            {
                i++;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Word, start, i - start, start, i - start));
            }
            else if (c is '@' or '?' or '$' or ':' && (c == '?' || IsWordChar(next) || next == '@'))
            {
                i++;
                while (i < text.Length && (IsWordChar(text[i]) || text[i] == '@'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Parameter, start, i - start, start, i - start));
            }
            else
            {
                var two = c is '<' && next is '>' or '=' || c is '>' or '!' && next == '=' || c == '|' && next == '|' || c == ':' && next == ':';
                i += two ? 2 : 1;
                tokens.Add(new SqlToken(SqlTokenKind.Symbol, start, i - start, start, i - start));
            }
        }
    }

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private static int SkipBlockComment(ReadOnlySpan<char> text, int i)
    {
        // PostgreSQL nests block comments; counting depth never ends a comment earlier than a non-nesting database would.
        var depth = 0;
        while (i < text.Length)
        {
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                depth++;
                i += 2;
            }
            else if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i += 2;
                if (--depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private static int ReadQuoted(ReadOnlySpan<char> text, int open, char quote, bool backslash, List<SqlToken> tokens, SqlTokenKind kind, int start = -1)
    {
        start = start < 0 ? open : start;
        var i = open + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (backslash && c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    i += 2; // '' inside a literal
                    continue;
                }

                tokens.Add(new SqlToken(kind, start, i + 1 - start, open + 1, i - open - 1));
                return i + 1;
            }

            i++;
        }

        i = Math.Min(i, text.Length);
        tokens.Add(new SqlToken(kind, start, i - start, open + 1, i - open - 1, Terminated: false));
        return i;
    }

    private static bool TryBracketIdentifier(ReadOnlySpan<char> text, int i, out int close)
    {
        close = text[i..].IndexOf(']');
        if (close <= 1 || close > 128)
        {
            return false;
        }

        foreach (var c in text.Slice(i + 1, close - 1))
        {
            if (!(IsWordChar(c) || c is ' ' or '-' or '.'))
            {
                return false;
            }
        }

        close += i;
        return true;
    }

    private static bool TryDollarQuote(ReadOnlySpan<char> text, int i, List<SqlToken> tokens, out int end)
    {
        // $$body$$ or $tag$body$tag$ (a tag is an identifier; $1 is a parameter).
        end = i;
        var j = i + 1;
        while (j < text.Length && (char.IsLetter(text[j]) || text[j] == '_' || j > i + 1 && char.IsAsciiDigit(text[j])))
        {
            j++;
        }

        if (j >= text.Length || text[j] != '$')
        {
            return false;
        }

        var tag = text[i..(j + 1)];
        var bodyStart = j + 1;
        var close = text[bodyStart..].IndexOf(tag);
        var bodyEnd = close < 0 ? text.Length : bodyStart + close;
        end = close < 0 ? text.Length : bodyEnd + tag.Length;
        tokens.Add(new SqlToken(SqlTokenKind.String, i, end - i, bodyStart, bodyEnd - bodyStart, close >= 0));
        return true;
    }
}
