using System.Text.Json;

namespace McpVanguard.Protocol;

/// <summary>A string property of a JSON object as text: empty when it is absent or not a string (a name, title or description).</summary>
internal static class JsonText
{
    public static string Of(JsonElement element, string name)
        => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
}
