using System.Buffers;
using System.Text.Json;

namespace McpVanguard.Protocol;

/// <summary>Writes the JSON-RPC error responses vanguard sends in place of a refused request.</summary>
public static class JsonRpcErrorWriter
{
    // Messages are JSON-RPC, never HTML: keep quotes and apostrophes readable instead of \u0022.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serialises an error response; <paramref name="ruleIds"/> and <paramref name="verdict"/> go into <c>data</c>.</summary>
    public static byte[] Write(JsonRpcId id, int code, string message, IReadOnlyList<string>? ruleIds = null, string? verdict = null, string? reason = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            writer.WriteRawValue(id.Json ?? "null", skipInputValidation: true);
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            if (ruleIds is not null || verdict is not null || reason is not null)
            {
                writer.WriteStartObject("data");
                writer.WriteString("source", "mcp-vanguard");
                if (verdict is not null)
                {
                    writer.WriteString("verdict", verdict);
                }

                if (ruleIds is not null)
                {
                    writer.WriteStartArray("rule_ids");
                    foreach (var rule in ruleIds)
                    {
                        writer.WriteStringValue(rule);
                    }

                    writer.WriteEndArray();
                }

                if (reason is not null)
                {
                    writer.WriteString("reason", reason);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
