using System.Globalization;
using System.Text.Json;

namespace McpVanguard.Trust;

/// <summary>
/// Reads protobuf-JSON (the encoding of Sigstore bundles and trusted roots): camelCase names with the proto snake_case
/// spelling accepted too, 64-bit integers as strings or numbers, bytes as standard or URL-safe base64.
/// </summary>
internal static class ProtoJson
{
    public static JsonElement? Field(JsonElement obj, string camel)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (obj.TryGetProperty(camel, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        var snake = ToSnake(camel);
        return snake != camel && obj.TryGetProperty(snake, out value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    public static JsonElement Required(JsonElement obj, string camel, string where) =>
        Field(obj, camel) ?? throw new SigstoreRejection($"{where}: '{camel}' is missing");

    public static string? String(JsonElement obj, string camel)
    {
        var value = Field(obj, camel);
        return value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
    }

    public static string RequiredString(JsonElement obj, string camel, string where) =>
        String(obj, camel) is { Length: > 0 } s ? s : throw new SigstoreRejection($"{where}: '{camel}' is missing or not a string");

    public static byte[] RequiredBytes(JsonElement obj, string camel, string where) =>
        Bytes(RequiredString(obj, camel, where), $"{where}.{camel}");

    public static byte[]? OptionalBytes(JsonElement obj, string camel, string where) =>
        String(obj, camel) is { } s ? Bytes(s, $"{where}.{camel}") : null;

    public static byte[] Bytes(string text, string where)
    {
        // Protobuf-JSON writers may emit either base64 alphabet, padded or not; Go's and Python's decoders (the reference
        // clients) also skip line breaks, so a MIME-wrapped value is the same bytes, not a malformed bundle.
        var normal = text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace('-', '+').Replace('_', '/');
        normal = normal.PadRight(normal.Length + ((4 - (normal.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(normal);
        }
        catch (FormatException)
        {
            throw new SigstoreRejection($"{where} is not valid base64");
        }
    }

    /// <summary>An int64 field, which protobuf-JSON writes as a string; null when absent.</summary>
    public static long? Int64(JsonElement obj, string camel, string where)
    {
        var value = Field(obj, camel);
        if (value is null)
        {
            return null;
        }

        var v = value.Value;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n))
        {
            return n;
        }

        if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n))
        {
            return n;
        }

        throw new SigstoreRejection($"{where}: '{camel}' is not an integer");
    }

    public static DateTimeOffset? Timestamp(JsonElement obj, string camel, string where)
    {
        if (String(obj, camel) is not { } text)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw new SigstoreRejection($"{where}: '{camel}' is not an RFC 3339 time");
    }

    public static IEnumerable<JsonElement> Array(JsonElement obj, string camel) =>
        Field(obj, camel) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    private static string ToSnake(string camel)
    {
        var builder = new System.Text.StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                builder.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
