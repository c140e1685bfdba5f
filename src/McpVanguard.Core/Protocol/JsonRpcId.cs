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
                id = FromString(element.GetString()!);
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

    /// <summary>
    /// Reads an id from its raw JSON bytes (a string or a number; <c>null</c> and anything else are not routable ids), with
    /// the same canonical text as <see cref="TryFrom"/>: for code that routes by bytes without a parsed document.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, out JsonRpcId id)
    {
        var reader = new Utf8JsonReader(json);
        if (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    id = FromString(reader.GetString()!);
                    return true;
                case JsonTokenType.Number:
                    id = new JsonRpcId(System.Text.Encoding.UTF8.GetString(json));
                    return true;
            }
        }

        id = default;
        return false;
    }

    /// <summary>Re-serialised, so that <c>"\u0031"</c> and <c>"1"</c> (the same string) are the same id.</summary>
    private static JsonRpcId FromString(string value) => new(JsonSerializer.Serialize(value, ProtocolJsonContext.Default.String));

    public static JsonRpcId FromNumber(long value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture));


    public override string ToString() => Json ?? "null";
}
