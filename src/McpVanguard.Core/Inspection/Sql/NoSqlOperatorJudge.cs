using System.Text.Json;

namespace McpVanguard.Inspection.Sql;

/// <summary>
/// A MongoDB-style operator object where a plain value is expected: <c>{"password": {"$ne": ""}}</c> turns a lookup into
/// "any value but this", logging in as the first user (SQL-024). Operators are everyday inside a query document, so
/// nothing under a <c>filter</c>/<c>query</c>/<c>pipeline</c>-like key counts, and a database tool's own arguments count
/// only for credential and identity keys.
/// </summary>
internal static class NoSqlOperatorJudge
{
    /// <summary>Deepest nesting walked; arguments are bounded by preflight, this bounds the walk itself.</summary>
    private const int MaxDepth = 8;

    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal)
    {
        "$ne", "$gt", "$gte", "$lt", "$lte", "$regex", "$where", "$exists", "$nin", "$in", "$expr", "$not", "$or", "$nor", "$function", "$type",
    };

    /// <summary>Keys under which operator documents are the expected shape.</summary>
    private static readonly string[] QueryKeyParts =
        ["filter", "query", "selector", "where", "match", "criteria", "condition", "pipeline", "update", "sort", "projection", "aggregate", "find", "search", "expression", "rule", "schema", "$"];

    /// <summary>Keys that identify or authenticate: an operator object there is a login bypass even in a database tool.</summary>
    private static readonly string[] CredentialKeyParts =
        ["pass", "pwd", "token", "secret", "user", "login", "email", "otp", "pin", "code", "key", "session", "auth"];

    public static void Judge(JsonElement arguments, string? toolName, List<Finding> findings)
    {
        if (arguments.ValueKind != JsonValueKind.Object || !MayHoldOperator(arguments))
        {
            return;
        }

        var databaseTool = toolName is { } t && (t.Contains("mongo", StringComparison.OrdinalIgnoreCase) || t.Contains("find", StringComparison.OrdinalIgnoreCase)
            || t.Contains("query", StringComparison.OrdinalIgnoreCase) || t.Contains("db", StringComparison.OrdinalIgnoreCase)
            || t.Contains("collection", StringComparison.OrdinalIgnoreCase) || t.Contains("document", StringComparison.OrdinalIgnoreCase));
        // A file being written holds text about injection (a security guide, a test), not a request.
        var sends = toolName is null || !ArgumentRoles.IsWriteTool(toolName);
        Walk(arguments, databaseTool, sends, findings, 0);
    }

    /// <summary>
    /// False when no key or value under <paramref name="arguments"/> can spell an operator: every finding here needs a <c>$</c> in a
    /// decoded key or string, and the raw bytes carry one either as written or inside a <c>\u</c> escape (<c>\u0024ne</c>, or
    /// <c>\\u0024</c> in a JSON document sent as a string). Most calls have neither, and then no property name is read.
    /// </summary>
    private static bool MayHoldOperator(JsonElement arguments)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(arguments);
        return raw.IndexOf((byte)'$') >= 0 || raw.IndexOf("\\u"u8) >= 0;
    }

    private static void Walk(JsonElement obj, bool databaseTool, bool sends, List<Finding> findings, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var property in obj.EnumerateObject())
        {
            var key = property.Name;
            if (key is "$function" or "$accumulator" && property.Value.ValueKind == JsonValueKind.Object)
            {
                // Operators whose body is JavaScript the database runs ({"$expr": {"$function": {"body": "function() {…}"}}}): code
                // execution on the server, wherever in a query document it sits ($where is the rules' SQL-014).
                findings.AddOnce(new Finding("SQL-007", "L1", "MCP-14", Severity.Critical, FindingAction.Block,
                    $"MongoDB {key} runs server-side JavaScript."));
                return;
            }

            if (ContainsAny(key, QueryKeyParts))
            {
                // A query document is where operators belong, but server-side code is judged inside it too.
                WalkCode(property.Value, findings, depth + 1);

                continue;
            }

            var value = property.Value;
            var operatorObject = value.ValueKind == JsonValueKind.Object && IsOperatorObject(value)
                || value.ValueKind == JsonValueKind.String && MayStartWithBrace(value) && IsOperatorJson(value.GetString()!);
            if (operatorObject && (!databaseTool || ContainsAny(key, CredentialKeyParts)))
            {
                findings.AddOnce(new Finding("SQL-024", "L1", "MCP-14", Severity.High, FindingAction.Block,
                    "A query operator object where a plain value is expected (NoSQL injection)."));
                return;
            }

            if (sends && value.ValueKind == JsonValueKind.String && BracketOperatorOnCredential(value.GetString()!))
            {
                // password[$ne]=x in a query string or form body: Express/qs and PHP parse it into {"password": {"$ne": "x"}}.
                findings.AddOnce(new Finding("SQL-024", "L1", "MCP-14", Severity.High, FindingAction.Block,
                    "A query operator in bracket form on a credential field (NoSQL injection)."));
                return;
            }

            if (sends && value.ValueKind == JsonValueKind.String && MayStartWithBrace(value) && ParseDocument(value.GetString()!) is { } document)
            {
                // A JSON body sent on to a server ({"user": "admin", "pass": {"$gt": ""}}) is judged as the server will parse it:
                // an operator there counts on credential and identity fields only, as in a database tool.
                using (document)
                {
                    Walk(document.RootElement, databaseTool: true, sends, findings, depth + 1);
                }
            }
            else if (value.ValueKind == JsonValueKind.Object)
            {
                Walk(value, databaseTool, sends, findings, depth + 1);
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        Walk(item, databaseTool, sends, findings, depth + 1);
                    }
                }
            }
        }
    }

    /// <summary>Looks for <c>$function</c>/<c>$accumulator</c> inside a query document (filters, pipelines), where other operators are everyday.</summary>
    private static void WalkCode(JsonElement obj, List<Finding> findings, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (obj.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in obj.EnumerateArray())
            {
                WalkCode(item, findings, depth + 1);
            }

            return;
        }

        if (obj.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in obj.EnumerateObject())
        {
            var value = property.Value;
            if (property.Name is "$function" or "$accumulator" && value.ValueKind == JsonValueKind.Object)
            {
                findings.AddOnce(new Finding("SQL-007", "L1", "MCP-14", Severity.Critical, FindingAction.Block,
                    $"MongoDB {property.Name} runs server-side JavaScript."));
                return;
            }

            if (value.ValueKind == JsonValueKind.Object && NoSqlMatchAnything.IsSecretField(property.Name) && NoSqlMatchAnything.Matches(value))
            {
                // {"username": "admin", "password": {"$regex": ".*"}}: inside a filter too, a secret compared with "anything" is a login bypass.
                findings.AddOnce(new Finding("SQL-024", "L1", "MCP-14", Severity.High, FindingAction.Block,
                    "A query operator that matches any value of a secret field (NoSQL injection)."));
                return;
            }

            if (value.ValueKind == JsonValueKind.Object)
            {
                WalkCode(value, findings, depth + 1);
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        WalkCode(item, findings, depth + 1);
                    }
                }
            }
        }
    }

    private static bool IsOperatorObject(JsonElement value)
    {
        var any = false;
        foreach (var p in value.EnumerateObject())
        {
            if (!Operators.Contains(p.Name) && !Operators.Contains(TrimInvisible(p.Name).ToString()))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>
    /// False when the string value certainly does not start with '{' once trimmed, read from its raw bytes: the walk then
    /// never copies a large content string (the relay's argument walk has its own copy) only to look at its first character.
    /// True for '{', an escape (an escaped brace or space) and whitespace or any non-ASCII first byte (which may be a space).
    /// </summary>
    private static bool MayStartWithBrace(JsonElement value)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        // The raw value of a string element includes its quotes.
        if (raw.Length < 2 || raw[0] != (byte)'"')
        {
            return true;
        }

        var first = raw[1];
        return first is (byte)'{' or (byte)'\\' or (byte)'"' || first >= 0x80 || first <= (byte)' ';
    }

    /// <summary>Longest JSON string parsed as a request body.</summary>
    private const int MaxDocument = 8 * 1024;

    /// <summary>A JSON object sent as a string (a request body), or null.</summary>
    private static JsonDocument? ParseDocument(string value)
    {
        var s = TrimInvisible(value);
        if (s.Length is < 8 or > MaxDocument || s[0] != '{' || !s.Contains('$'))
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(s.ToString());
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True for <c>password[$ne]=</c>, <c>user[$regex]=</c>: a credential field given an operator in bracket notation.</summary>
    private static bool BracketOperatorOnCredential(string value)
    {
        var at = value.IndexOf("[$", StringComparison.Ordinal);
        for (var seen = 0; at > 0 && seen < 16; seen++)
        {
            var close = value.IndexOf(']', at);
            if (close < 0)
            {
                return false;
            }

            var start = at;
            while (start > 0 && (char.IsAsciiLetterOrDigit(value[start - 1]) || value[start - 1] is '_' or '-' or '.'))
            {
                start--;
            }

            if (start < at && Operators.Contains(value[(at + 1)..close]) && ContainsAny(value[start..at], CredentialKeyParts))
            {
                return true;
            }

            at = value.IndexOf("[$", close, StringComparison.Ordinal);
        }

        return false;
    }

    /// <summary>The same object sent as a JSON string (<c>"{\"$ne\": null}"</c>), which many servers parse before querying.</summary>
    private static bool IsOperatorJson(string value)
    {
        // U+00A0, U+3000, a zero-width space or a BOM before the brace: many servers trim with their language's Unicode-aware
        // trim before parsing, and JSON itself only allows ASCII whitespace, so the parse sees the trimmed object.
        var s = TrimInvisible(value);
        if (s.Length is < 6 or > 512 || s[0] != '{' || !s.Contains('$'))
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(s.ToString());
            return doc.RootElement.ValueKind == JsonValueKind.Object && IsOperatorObject(doc.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The span without leading or trailing Unicode whitespace and invisible format characters (zero-width space/joiners, BOM, word joiner).</summary>
    private static ReadOnlySpan<char> TrimInvisible(string value)
    {
        var s = value.AsSpan();
        var start = 0;
        var end = s.Length;
        while (start < end && IsInvisible(s[start]))
        {
            start++;
        }

        while (end > start && IsInvisible(s[end - 1]))
        {
            end--;
        }

        return s[start..end];

        static bool IsInvisible(char c) => char.IsWhiteSpace(c) || c is '\u200b' or '\u200c' or '\u200d' or '\u2060' or '\ufeff' or '\u180e';
    }

    private static bool ContainsAny(string key, string[] parts)
    {
        foreach (var part in parts)
        {
            if (key.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
