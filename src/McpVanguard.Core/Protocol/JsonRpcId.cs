using System.Text.Json;

namespace McpVanguard.Protocol;

/// <summary>A JSON-RPC request id compared as a JSON value: <c>0</c>, <c>"0"</c> and <c>1</c> are three different ids.</summary>
public readonly record struct JsonRpcId
{
    private JsonRpcId(string json) => Json = json;

    /// <summary>The id's JSON text exactly as it is written on the wire (<c>1</c> or <c>"1"</c>).</summary>
    public string Json { get; }

    /// <summary>Whether the id is absent (a notification) or JSON <c>null</c>.</summary>
    public bool IsNull => Json is null or "null";

    public static JsonRpcId Null { get; } = new("null");

    /// <summary>Reads an id from a JSON element; only strings, numbers and null are valid ids.</summary>
    public static bool TryFrom(JsonElement element, out JsonRpcId id)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                // Re-serialise so that "\u0031" and "1" (the same string) compare equal.
                id = new JsonRpcId(JsonSerializer.Serialize(element.GetString(), ProtocolJsonContext.Default.String));
                return true;
            case JsonValueKind.Number:
                id = new JsonRpcId(element.GetRawText());
                return true;
            case JsonValueKind.Null:
                id = Null;
                return true;
            default:
                id = default;
                return false;
        }
    }

    public static JsonRpcId FromNumber(long value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture));


    public override string ToString() => Json ?? "null";
}
