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

    public bool IsRequest => Kind == McpMessageKind.Request;

    public bool IsResponse => Kind is McpMessageKind.Response or McpMessageKind.ErrorResponse;

    public void Dispose() => _document.Dispose();
}
