using System.Text.Json;

namespace McpVanguard.Protocol;

/// <summary>
/// One JSON-RPC message: the exact bytes received (forwarded unchanged when allowed) and a parsed view for inspection.
/// </summary>
public sealed class McpMessage : IDisposable
{
    private readonly JsonDocument _document;

    internal McpMessage(ReadOnlyMemory<byte> raw, JsonDocument document, McpMessageKind kind, JsonRpcId id, string? method)
    {
        Raw = raw;
        _document = document;
        Kind = kind;
        Id = id;
        Method = method;
        if (document.RootElement.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            Params = p;
            if (method == "tools/call" && p.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                ToolName = name.GetString();
            }

            ProgressToken = ReadProgressToken(kind, method, p);
        }
    }

    /// <summary>The message bytes as received, without the trailing newline.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    public JsonElement Root => _document.RootElement;

    public McpMessageKind Kind { get; }

    /// <summary>The request or response id; <see cref="JsonRpcId.Null"/> for notifications.</summary>
    public JsonRpcId Id { get; }

    /// <summary>The JSON-RPC method of a request or notification.</summary>
    public string? Method { get; }

    /// <summary>The <c>params</c> object when present.</summary>
    public JsonElement? Params { get; }

    /// <summary>The tool name of a <c>tools/call</c> request.</summary>
    public string? ToolName { get; }

    /// <summary>
    /// The progress token that ties the message to a request: a request's <c>params._meta.progressToken</c> (it asks for
    /// progress), or a progress notification's <c>params.progressToken</c>.
    /// </summary>
    public JsonRpcId? ProgressToken { get; }

    public bool IsRequest => Kind == McpMessageKind.Request;

    public bool IsResponse => Kind is McpMessageKind.Response or McpMessageKind.ErrorResponse;

    public void Dispose() => _document.Dispose();

    private static JsonRpcId? ReadProgressToken(McpMessageKind kind, string? method, JsonElement parameters)
    {
        var holder = parameters;
        if (kind == McpMessageKind.Request)
        {
            if (!parameters.TryGetProperty("_meta", out holder) || holder.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
        }
        else if (method != "notifications/progress")
        {
            return null;
        }

        return holder.TryGetProperty("progressToken", out var token) && JsonRpcId.TryFrom(token, out var id) && !id.IsNull ? id : null;
    }
}
