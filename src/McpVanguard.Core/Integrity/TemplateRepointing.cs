using System.Text.Json;

namespace McpVanguard.Integrity;

/// <summary>Recognises a resource template listed under a new uriTemplate but the name of a pinned one: a change, not a removal plus an addition.</summary>
internal static class TemplateRepointing
{
    /// <summary>
    /// The uriTemplate of a pinned template that <paramref name="item"/> replaces: same <c>name</c>, and no longer listed under its own
    /// uriTemplate. Null when there is none (a new template with a new name is an addition).
    /// </summary>
    public static string? PinnedKeyReplacedBy(ObservedTool item, Dictionary<string, PinnedTool> pinned, IReadOnlyList<ObservedTool> items)
    {
        var name = MemberOf(item.CanonicalJson, "name");
        if (name is null)
        {
            return null;
        }

        foreach (var (key, pin) in pinned)
        {
            if (pin.Definition is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                && n.ValueEquals(name) && !items.Any(i => i.Name == key))
            {
                return key;
            }
        }

        return null;
    }

    private static string? MemberOf(byte[] canonicalJson, string member)
    {
        var reader = new Utf8JsonReader(canonicalJson);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMember = reader.ValueTextEquals(member);
            if (!reader.Read())
            {
                return null;
            }

            if (isMember)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }
}
