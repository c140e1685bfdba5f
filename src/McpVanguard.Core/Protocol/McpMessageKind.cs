namespace McpVanguard.Protocol;

/// <summary>The JSON-RPC shape of a message.</summary>
public enum McpMessageKind
{
    Request,
    Notification,
    Response,
    ErrorResponse,
}
