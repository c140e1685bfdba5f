using System.Text.Json;

namespace McpVanguard.Protocol;

/// <summary>Parses one newline-delimited frame into an <see cref="McpMessage"/> or a <see cref="ProtocolViolation"/>.</summary>
public static class McpMessageParser
{
    public const string ParseErrorRule = "RPC-001";
    public const string BatchRule = "RPC-002";
    public const string InvalidRequestRule = "RPC-003";
    public const string DepthRule = "PRE-002";
    public const string InvalidParamsRule = "RPC-005";

    /// <summary>Parses <paramref name="frame"/>; never throws for any input.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> frame, int maxDepth, out McpMessage? message, out ProtocolViolation? violation)
    {
        message = null;
        violation = null;

        // JsonDocument validates UTF-8 inside strings only when they are read; check the whole frame up front.
        if (!System.Text.Unicode.Utf8.IsValid(frame.Span))
        {
            violation = new ProtocolViolation(ParseErrorRule, JsonRpcErrorCodes.ParseError, "Parse error: the message is not valid UTF-8.", JsonRpcId.Null);
            return false;
        }

        try
        {
            return TryParseJson(frame, maxDepth, out message, out violation);
        }
        catch (InvalidOperationException)
        {
            // A string escape that is not valid Unicode (a lone surrogate) in the envelope.
            violation = new ProtocolViolation(ParseErrorRule, JsonRpcErrorCodes.ParseError, "Parse error: the message holds a string that is not valid Unicode.", JsonRpcId.Null);
            return false;
        }
    }

    private static bool TryParseJson(ReadOnlyMemory<byte> frame, int maxDepth, out McpMessage? message, out ProtocolViolation? violation)
    {
        message = null;
        violation = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame, new JsonDocumentOptions { MaxDepth = maxDepth, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            violation = ExceedsDepth(frame.Span, maxDepth)
                ? new ProtocolViolation(DepthRule, JsonRpcErrorCodes.LimitExceeded, $"Message nesting exceeds the limit of {maxDepth}.", JsonRpcId.Null)
                : new ProtocolViolation(ParseErrorRule, JsonRpcErrorCodes.ParseError, "Parse error: the message is not valid JSON.", JsonRpcId.Null);
            return false;
        }

        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            document.Dispose();
            violation = new ProtocolViolation(BatchRule, JsonRpcErrorCodes.InvalidRequest, "Invalid request: JSON-RPC batches are not supported by MCP.", JsonRpcId.Null);
            return false;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            violation = new ProtocolViolation(InvalidRequestRule, JsonRpcErrorCodes.InvalidRequest, "Invalid request: a JSON-RPC message must be a JSON object.", JsonRpcId.Null);
            return false;
        }

        if (Inspection.Preflight.ArgumentWalker.HasDuplicateKey(root))
        {
            document.Dispose();
            violation = new ProtocolViolation(InvalidRequestRule, JsonRpcErrorCodes.InvalidRequest, "Invalid request: the message repeats a key.", JsonRpcId.Null);
            return false;
        }

        var hasId = root.TryGetProperty("id", out var idElement);
        var id = JsonRpcId.Null;
        if (hasId && !JsonRpcId.TryFrom(idElement, out id))
        {
            document.Dispose();
            violation = new ProtocolViolation(InvalidRequestRule, JsonRpcErrorCodes.InvalidRequest, "Invalid request: id must be a string, a number or null.", JsonRpcId.Null);
            return false;
        }

        if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || !version.ValueEquals("2.0"))
        {
            document.Dispose();
            violation = new ProtocolViolation(InvalidRequestRule, JsonRpcErrorCodes.InvalidRequest, "Invalid request: \"jsonrpc\" must be \"2.0\".", id);
            return false;
        }

        if (root.TryGetProperty("method", out var methodElement))
        {
            if (methodElement.ValueKind != JsonValueKind.String || methodElement.GetString() is not { Length: > 0 } method)
            {
                document.Dispose();
                violation = new ProtocolViolation(InvalidRequestRule, JsonRpcErrorCodes.InvalidRequest, "Invalid request: \"method\" must be a non-empty string.", id);
                return false;
            }

            // MCP only ever sends params as an object; positional (array) params would slip past keyed inspection.
            if (root.TryGetProperty("params", out var p) && p.ValueKind is not JsonValueKind.Object)
            {
                document.Dispose();
                violation = new ProtocolViolation(InvalidRequestRule, JsonRpcErrorCodes.InvalidRequest, "Invalid request: \"params\" must be an object.", id, method);
                return false;
            }

            if (method == "tools/call" && !IsValidToolCall(p))
            {
                document.Dispose();
                violation = new ProtocolViolation(InvalidParamsRule, JsonRpcErrorCodes.InvalidParams, "Invalid params: tools/call needs a string \"name\" and an object \"arguments\".", id, method);
                return false;
            }

            if (hasId && id.IsNull)
            {
                document.Dispose();
                violation = new ProtocolViolation(InvalidRequestRule, JsonRpcErrorCodes.InvalidRequest, "Invalid request: a request id must not be null.", id, method);
                return false;
            }

            message = new McpMessage(frame, document, hasId ? McpMessageKind.Request : McpMessageKind.Notification, id, method);
            return true;
        }

        var hasResult = root.TryGetProperty("result", out _);
        var hasError = root.TryGetProperty("error", out var error);
        if (!hasId || hasResult == hasError || (hasError && error.ValueKind != JsonValueKind.Object))
        {
            document.Dispose();
            violation = new ProtocolViolation(InvalidRequestRule, JsonRpcErrorCodes.InvalidRequest, "Invalid request: missing \"method\", or a response without exactly one of \"result\" and \"error\".", id);
            return false;
        }

        message = new McpMessage(frame, document, hasError ? McpMessageKind.ErrorResponse : McpMessageKind.Response, id, null);
        return true;
    }

    /// <summary>Tells a too-deep message from a broken one by reading tokens until the depth limit is crossed.</summary>
    private static bool ExceedsDepth(ReadOnlySpan<byte> frame, int maxDepth)
    {
        var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = int.MaxValue / 2 });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= maxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // Broken before reaching the limit: a plain parse error.
        }

        return false;
    }

    private static bool IsValidToolCall(JsonElement @params)
        => @params.ValueKind == JsonValueKind.Object
            && @params.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString()!.Length > 0
            && (!@params.TryGetProperty("arguments", out var args) || args.ValueKind is JsonValueKind.Object or JsonValueKind.Null);
}
