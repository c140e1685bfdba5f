namespace McpVanguard.Inspection.Sql;

/// <summary>What a SQL token is.</summary>
internal enum SqlTokenKind : byte
{
    /// <summary>A keyword or an unquoted identifier.</summary>
    Word,

    /// <summary><c>"x"</c>, <c>`x`</c> or <c>[x]</c> (a string in MySQL's default mode).</summary>
    QuotedIdentifier,

    /// <summary><c>'x'</c>, <c>E'x'</c>, <c>N'x'</c> or a dollar-quoted <c>$tag$x$tag$</c> body.</summary>
    String,

    Number,

    /// <summary>One or two punctuation characters: <c>;</c>, <c>(</c>, <c>=</c>, <c>&lt;&gt;</c>, <c>||</c>, <c>::</c>…</summary>
    Symbol,

    /// <summary><c>$1</c>, <c>?</c>, <c>:name</c>, <c>@var</c>, <c>@@version</c>.</summary>
    Parameter,

    /// <summary>A <c>--</c>, <c>#</c> or <c>/* */</c> comment (kept so that "a literal closed, then a comment" can be seen).</summary>
    Comment,
}

/// <summary>One token: where it is in the text and, for strings and quoted identifiers, where its content is.</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, int ContentStart, int ContentLength, bool Terminated = true);
