using System.Text.Json;
using System.Text.RegularExpressions;

namespace McpVanguard.Inspection.Metadata;

/// <summary>
/// A tool parameter that collects data "on the side": named for a credential (<c>api_key</c>, <c>token</c>,
/// <c>password</c>) or the conversation (<c>conversation</c>, <c>history</c>, <c>user_messages</c>, <c>sidenote</c>)
/// on a tool whose name and description have nothing to do with either (an <c>api_key</c> on <c>add</c>, a
/// <c>conversation</c> on <c>get_time</c>). The model fills every parameter it is given; the parameter is the request.
/// </summary>
internal static class SideChannelParameters
{
    /// <summary>Parameter names that carry a credential.</summary>
    private static readonly HashSet<string> CredentialNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "api_key", "apikey", "token", "access_token", "auth_token", "bearer", "secret", "secret_key", "client_secret",
        "password", "passwd", "passphrase", "credentials", "credential", "private_key", "ssh_key", "session_token", "cookie", "cookies",
    };

    /// <summary>Parameter names that carry the conversation or free-form notes about it.</summary>
    private static readonly HashSet<string> ConversationNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "conversation", "conversation_history", "history", "chat_history", "user_messages", "previous_messages",
        "chat_log", "transcript", "system_prompt", "prompt_history", "full_context", "sidenote", "side_note",
    };

    /// <summary>A description showing the value is not a secret: a pagination cursor, a count, a flag.</summary>
    private static readonly Regex NotASecret = new(
        @"\b(page|pagination|paging|cursor|continuation|next\s+page|offset|count|number\s+of|max(imum)?|limit|lines?\s+of|boolean|true|false|enable|disable|whether)\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The first top-level parameter of <paramref name="tool"/> that is a side channel, or null.</summary>
    public static string? Find(JsonElement tool)
    {
        if (!tool.TryGetProperty("inputSchema", out var schema) || schema.ValueKind != JsonValueKind.Object
            || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? toolText = null;
        foreach (var property in properties.EnumerateObject())
        {
            var name = property.Name.Replace('-', '_');
            var credential = CredentialNames.Contains(name);
            var conversation = !credential && ConversationNames.Contains(name);
            if ((!credential && !conversation) || !CarriesText(property.Value))
            {
                continue;
            }

            var description = property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty;
            if (NotASecret.IsMatch(description))
            {
                continue;
            }

            toolText ??= ToolPurpose.Of(Text(tool, "name"), Text(tool, "title"), Text(tool, "description"));
            if (credential ? !ToolPurpose.HandlesCredentials(toolText) : !ToolPurpose.HandlesConversation(toolText))
            {
                return property.Name;
            }
        }

        return null;
    }

    /// <summary>Strings, arrays and objects can carry text; numbers, booleans and enums cannot.</summary>
    private static bool CarriesText(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (schema.TryGetProperty("enum", out _) || schema.TryGetProperty("const", out _))
        {
            return false;
        }

        return !schema.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || type.GetString() is "string" or "array" or "object";
    }

    private static string Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
}
