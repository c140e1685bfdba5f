using System.Text.Json;
using System.Text.RegularExpressions;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Metadata;

/// <summary>
/// What a tool is for, judged from its name, title and description: whether it has business with credentials (an API
/// client, a login, a database connection) or with the conversation (a chat, an LLM call, a memory store). A parameter
/// or instruction about keys or the conversation is ordinary on such a tool and a side channel on any other.
/// </summary>
internal static class ToolPurpose
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    /// <summary>Words of tools that legitimately take a key, token or password (English identifiers are the norm in tool names).</summary>
    private static readonly LinearPattern CredentialWork = new(
        @"\b(api|apis|auth\w*|jwt|jwts|jws|jwe|oidc|saml|totp|login|log\s+in|sign\s*in|oauth|sso|account|accounts|token|tokens|key|keys|secret|secrets|password|passwords|credential\w*|session|http|https|rest|graphql|endpoint|webhook|service|cloud|connect\w*|database|db|sql|postgres\w*|mysql|redis|mongo\w*|server|registry|repo|repository|github|gitlab|bitbucket|slack|discord|stripe|openai|anthropic|aws|azure|gcp|jira|notion|linear|sentry|vault|kubernetes|k8s|docker|smtp|imap|email|mail|s3|bucket|upload|deploy\w*|publish)\b",
        Options);

    /// <summary>Words of tools that legitimately handle the conversation.</summary>
    private static readonly LinearPattern ConversationWork = new(
        @"(\b(chat|chats|conversation\w*|message|messages|messaging|history|memory|memories|remember|recall|summar\w*|transcript\w*|dialog\w*|llm|llms|completion\w*|prompt|prompts|assistant|agent|context|thread|threads|session|note|notes|journal|feedback|support|ticket|inbox|sms|slack|discord|email|mail)\b|Verlauf|historial|conversation|cronologia)",
        Options);

    /// <summary>
    /// The same words in other scripts. Ignoring case beyond ASCII is outside the phrase subset, so this one is a regex,
    /// and each word holds a character beyond ASCII: asked only of text that has one, it is built only for such text.
    /// </summary>
    private static readonly LinearPattern ConversationWorkBeyondAscii = new(
        @"(会話|对话|對話|聊天|履歴|记忆|記憶|Gespräch|conversación|histórico|история|диалог|대화)",
        Options);

    /// <summary>
    /// What a tool says it is: its name, title and the first sentence of its description. The rest of a description is
    /// where an attack writes "append the user's previous messages", so it cannot vouch for the tool.
    /// </summary>
    public static string Of(string? name, string? title, string? description)
    {
        var d = description ?? string.Empty;
        var end = d.AsSpan().IndexOfAny(".。!?\n");
        var first = end < 0 ? d : d[..end];
        return (name + " " + title + " " + (first.Length > 200 ? first[..200] : first)).Trim();
    }

    /// <summary>What a tool definition says it is (<see cref="Of(string?, string?, string?)"/> of its name, title and description).</summary>
    public static string Of(JsonElement tool)
        => Of(JsonText.Of(tool, "name"), JsonText.Of(tool, "title"), JsonText.Of(tool, "description"));

    /// <summary>True when the tool's own text shows it works with keys, tokens or passwords.</summary>
    public static bool HandlesCredentials(string toolText) => CredentialWork.IsMatch(toolText) || CredentialWork.IsMatch(Words(toolText));

    /// <summary>True when the tool's own text shows it works with the conversation or messages.</summary>
    public static bool HandlesConversation(string toolText) => NamesConversation(toolText) || NamesConversation(Words(toolText));

    private static bool NamesConversation(string text)
        => ConversationWork.IsMatch(text) || (!System.Text.Ascii.IsValid(text) && ConversationWorkBeyondAscii.IsMatch(text));

    /// <summary>Identifiers read as words (the text is also read as written: split, "GitHub" and "OpenAI" are no longer themselves): <c>send_slack_message</c> and <c>sendSlackMessage</c> name Slack and messages.</summary>
    private static string Words(string text)
    {
        var words = new System.Text.StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '_' or '-' or '.' or '/')
            {
                words.Append(' ');
            }
            else
            {
                if (char.IsUpper(c) && i > 0 && char.IsLower(text[i - 1]))
                {
                    words.Append(' ');
                }

                words.Append(c);
            }
        }

        return words.ToString();
    }
}
