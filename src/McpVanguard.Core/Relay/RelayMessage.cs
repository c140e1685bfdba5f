using McpVanguard.Protocol;

namespace McpVanguard.Relay;

/// <summary>
/// A message the relay hands to one side, with what a transport needs to route it, read once by the relay's parser:
/// transports never parse a message again.
/// </summary>
/// <param name="Json">The complete JSON-RPC message (the transport adds its own framing).</param>
/// <param name="Kind">Its JSON-RPC shape; null for an unreadable frame forwarded as it came (monitor profile only).</param>
/// <param name="Id">The request or response id (<see cref="JsonRpcId.Null"/> for notifications).</param>
/// <param name="Method">The method of a request or notification.</param>
/// <param name="ProgressToken">The progress token that ties it to a request (see <see cref="McpMessage.ProgressToken"/>).</param>
/// <param name="ReplyTo">
/// Set on the relay's own answer to an incoming message (a refusal): the token its transport passed in with that message,
/// so the answer reaches the exchange that carried it even when the message had no usable id.
/// </param>
public readonly record struct RelayMessage(ReadOnlyMemory<byte> Json, McpMessageKind? Kind, JsonRpcId Id, string? Method, JsonRpcId? ProgressToken, object? ReplyTo)
{
    public bool IsRequest => Kind == McpMessageKind.Request;

    public bool IsResponse => Kind is McpMessageKind.Response or McpMessageKind.ErrorResponse;

    public bool IsError => Kind == McpMessageKind.ErrorResponse;

    /// <summary>A parsed message forwarded to the other side (<paramref name="json"/> is its original bytes or the redacted copy).</summary>
    public static RelayMessage Forward(McpMessage message, ReadOnlyMemory<byte> json)
        => new(json, message.Kind, message.Id, message.Method, message.ProgressToken, null);

    /// <summary>An error response written by the relay or a transport.</summary>
    public static RelayMessage Error(byte[] json, JsonRpcId id, object? replyTo = null)
        => new(json, McpMessageKind.ErrorResponse, id, null, null, replyTo);

    /// <summary>A frame the relay could not read, forwarded unchanged under the monitor profile.</summary>
    public static RelayMessage Unreadable(ReadOnlyMemory<byte> json) => new(json, null, JsonRpcId.Null, null, null, null);
}
