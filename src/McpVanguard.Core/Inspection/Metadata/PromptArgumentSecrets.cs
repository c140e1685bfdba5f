using System.Text.Json;
using System.Text.RegularExpressions;
using McpVanguard.Inspection.Instructions;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Metadata;

/// <summary>
/// A prompt argument that collects a credential (META-007): the user fills a prompt's arguments and the filled template goes to
/// the model, so a prompt that asks for an API key, a password or a private key puts the secret into the conversation, whatever
/// the prompt is about. Named for a credential (<c>aws_secret</c>, <c>api_key</c>) or described as asking for one ("paste your
/// AWS secret access key", in any language of the lexicon's credential asks).
/// </summary>
internal static class PromptArgumentSecrets
{
    /// <summary>True when an argument of the prompt <paramref name="item"/> asks for a credential.</summary>
    public static bool Find(JsonElement item)
    {
        if (!item.TryGetProperty("arguments", out var arguments) || arguments.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var argument in arguments.EnumerateArray())
        {
            if (argument.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var name = JsonText.Of(argument, "name");
            var text = (JsonText.Of(argument, "title") + " " + JsonText.Of(argument, "description")).Trim();
            var canonical = text.Length == 0 ? string.Empty : StringCanonicalizer.Canonicalize("description", text.Length > 2048 ? text[..2048] : text).Canonical;
            if (NotTheSecret.IsMatch(canonical) || NotTheSecret.IsMatch(name))
            {
                // "API key label", "the name of the SSH public key": about a credential, not the credential.
                continue;
            }

            if (name.Length > 0 && SideChannelParameters.IsCredentialName(name)
                || canonical.Length > 0 && (CredentialAsk.IsMatch(canonical)
                    || (InjectionLexicon.Default.Signals(canonical, out _, out _) & InstructionSignals.CredentialAsk) != 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Asking the user to hand over a credential: "paste your AWS secret access key", "enter the one-time code".</summary>
    private static readonly PrefilteredRegex CredentialAsk = new(
        @"\b(?:paste|enter|provide|type|give|supply|input|insert|share|add)\b[^.\n]{0,60}\b(?:api[\s_-]?keys?|access[\s_-]?(?:keys?|tokens?)|secret(?:[\s_-]+access)?[\s_-]+keys?|private[\s_-]+keys?|passwords?|passphrases?|credentials?|tokens?|secrets?|otp|one[\s-]?time\s+(?:code|password)|verification\s+code|recovery\s+(?:phrase|code)|seed\s+phrase)\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>About a credential, not the credential: its label, name or id, or a public key.</summary>
    private static readonly PrefilteredRegex NotTheSecret = new(
        @"\bpublic[\s_-]+key\b|\.pub\b|\b(?:key|token|secret)[\s_-]+(?:label|name|id|alias)\b|\b(?:label|name|id|alias)\s+of\s+(?:the\s+|your\s+|an?\s+)?(?:api\s+)?(?:key|token|secret)\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

}
