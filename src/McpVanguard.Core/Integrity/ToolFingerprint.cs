using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace McpVanguard.Integrity;

/// <summary>
/// The canonical form of a tool definition and its SHA-256: object keys sorted (ordinal), no insignificant whitespace,
/// strings re-escaped one way, so that reordering keys or re-encoding a string is not drift but any change of meaning is.
/// </summary>
public static class ToolFingerprint
{
    /// <summary>Protocol-level metadata, not part of what the model reads; servers may put volatile data there.</summary>
    private const string MetaProperty = "_meta";

    private static readonly JsonWriterOptions Canonical = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>The canonical UTF-8 JSON of <paramref name="tool"/> (without its top-level <c>_meta</c>).</summary>
    public static byte[] CanonicalJson(JsonElement tool)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Canonical))
        {
            Write(writer, tool, topLevel: true);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Lower-case hex SHA-256 of the canonical JSON.</summary>
    public static string Sha256(ReadOnlySpan<byte> canonicalJson) => Convert.ToHexStringLower(SHA256.HashData(canonicalJson));

    private static void Write(Utf8JsonWriter writer, JsonElement element, bool topLevel)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var properties = element.EnumerateObject()
                    .Where(p => !(topLevel && p.NameEquals(MetaProperty)))
                    .OrderBy(static p => p.Name, StringComparer.Ordinal);
                foreach (var property in properties)
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, topLevel: false);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, topLevel: false);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            default:
                // Numbers, booleans and null are written as the server spelled them (1 and 1.0 differ: a schema change).
                element.WriteTo(writer);
                break;
        }
    }
}
