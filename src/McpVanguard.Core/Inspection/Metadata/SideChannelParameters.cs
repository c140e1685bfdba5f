using System.Text.Json;
using System.Text.RegularExpressions;
using McpVanguard.Protocol;

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

    /// <summary>
    /// Compound names of a credential (<c>aws_secret_access_key</c>, <c>github_token</c>, <c>openai_api_key</c>); a
    /// pagination or count token (<c>page_token</c>, <c>max_tokens</c>) is not one.
    /// </summary>
    private static readonly LinearPattern CredentialSuffix = new(
        @"^[a-z0-9_]*_(api_?key|access_?key|secret_?key|secret|token|password|passwd|passphrase|private_?key|credentials?|ssh_?key|cookie)$",
        RegexOptions.CultureInvariant);

    /// <summary>Prefixes of tokens that are positions or limits, not credentials.</summary>
    private static readonly string[] NotCredentialPrefixes = ["page_", "next_", "prev_", "previous_", "continuation_", "cursor_", "sync_", "csrf_", "max_", "min_", "num_", "total_"];

    /// <summary>Compound names of the conversation: <c>prior_messages</c>, <c>chat_transcript</c>, <c>message_history</c>.</summary>
    private static readonly LinearPattern ConversationName = new(
        @"^((prior|previous|past|last|earlier|recent|all|user|chat|conversation|dialog|dialogue|session)_(messages|turns|history|log|transcript|context)|(message|messages|chat|dialog|dialogue|conversation)_(history|log|transcript|so_far)|[a-z_]*transcript)$",
        RegexOptions.CultureInvariant);

    /// <summary>A property name as lower-case snake case: <c>priorMessages</c> and <c>prior-messages</c> are <c>prior_messages</c>.</summary>
    private static string Snake(string name)
    {
        var s = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]))
            {
                s.Append('_');
            }

            s.Append(c == '-' ? '_' : char.ToLowerInvariant(c));
        }

        return s.ToString();
    }

    /// <summary>A description showing the value is not a secret: a pagination cursor, a count, a flag.</summary>
    private static readonly LinearPattern NotASecret = new(
        @"\b(page|pagination|paging|cursor|continuation|next\s+page|offset|count|number\s+of|max(imum)?|limit|lines?\s+of|boolean|true|false|enable|disable|whether)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

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
            var name = Snake(property.Name);
            var credential = IsCredentialName(name);
            var conversation = !credential && (ConversationNames.Contains(name) || ConversationName.IsMatch(name));
            if ((!credential && !conversation) || !CarriesText(property.Value))
            {
                continue;
            }

            var description = property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty;
            if (NotASecret.IsMatch(description))
            {
                continue;
            }

            toolText ??= ToolPurpose.Of(tool);
            if (credential ? !ToolPurpose.HandlesCredentials(toolText) : !ToolPurpose.HandlesConversation(toolText))
            {
                return property.Name;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="name"/> (any case or separator) names a credential: <c>api_key</c>, <c>awsSecret</c>, <c>github_token</c>; not <c>page_token</c>.</summary>
    internal static bool IsCredentialName(string name)
    {
        var snake = Snake(name);
        return CredentialNames.Contains(snake)
            || (CredentialSuffix.IsMatch(snake) && !NotCredentialPrefixes.Any(p => snake.StartsWith(p, StringComparison.Ordinal)));
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

}
