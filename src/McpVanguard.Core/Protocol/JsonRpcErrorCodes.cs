namespace McpVanguard.Protocol;

/// <summary>The JSON-RPC error codes vanguard answers with (documented in docs/ERRORS.md).</summary>
public static class JsonRpcErrorCodes
{
    /// <summary>Invalid JSON or invalid UTF-8 (JSON-RPC standard).</summary>
    public const int ParseError = -32700;

    /// <summary>Valid JSON that is not a valid JSON-RPC 2.0 message, including batches (JSON-RPC standard).</summary>
    public const int InvalidRequest = -32600;

    /// <summary>A request whose params do not have the shape its method needs (JSON-RPC standard).</summary>
    public const int InvalidParams = -32602;

    /// <summary>The method is not offered by the receiver (JSON-RPC 2.0).</summary>
    public const int MethodNotFound = -32601;

    /// <summary>The request was refused by McpVanguard policy; <c>data</c> carries the rule ids.</summary>
    public const int PolicyBlocked = -32001;

    /// <summary>The upstream server exited or could not be reached before it answered.</summary>
    public const int UpstreamUnavailable = -32002;

    /// <summary>The message exceeded a preflight limit (size, depth, number of strings) or the pending-request table is full.</summary>
    public const int LimitExceeded = -32003;
}
